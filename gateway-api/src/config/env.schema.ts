// @Type needs the reflect-metadata polyfill when decorating; importing it here keeps the schema
// independent of whether something from Nest (which also loads it) happened to be imported first
import 'reflect-metadata';

import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';

import { LOG_LEVELS, type LogLevelName } from '../common/logging/json-logger';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** A hostname, an IPv4 address or an IPv6 address; what `server.listen(port, host)` accepts. */
const HOST_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

/**
 * The environment the gateway reads, with its defaults. Only these keys are validated and typed;
 * read them through `ConfigService<EnvironmentVariables, true>`. Defaults bind to loopback so a
 * fresh checkout never listens on a public interface by accident.
 */
export class EnvironmentVariables {
  // class-validator runs a property's rules bottom-up and stops at the first failure
  // (stopAtFirstError), so the type check sits last: "abc" reports "not an integer", not "< 1"
  @Expose()
  @Type(() => Number)
  @Max(65535)
  @Min(1)
  @IsInt()
  PORT: number = 3000;

  @Expose()
  @Matches(HOST_PATTERN, { message: 'HOST must be a hostname or an IP address' })
  HOST: string = '127.0.0.1';

  @Expose()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'info';

  @Expose()
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';
}
