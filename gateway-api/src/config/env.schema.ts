// @Type needs the reflect-metadata polyfill when decorating; importing it here keeps the schema
// independent of whether something from Nest (which also loads it) happened to be imported first
import 'reflect-metadata';

import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { Expose, Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

import { type Department, DEPARTMENTS, splitDepartmentList } from '../departments/departments';
import { LOG_LEVELS, type LogLevelName } from '../common/logging/json-logger';
import { LOG_FORMATS, type LogFormat } from '../common/logging/log-format';

/**
 * The repository root: the nearest folder above this file holding network/topology.yaml. Searched,
 * not counted, because the source (src/config) and the build (dist/gateway-api/src/config) sit at
 * different depths.
 */
function repositoryRoot(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(path.join(dir, 'network', 'topology.yaml'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/**
 * The runtime folder the setup scripts write to (`.govtrace/` at the repository root, or
 * `GOVTRACE_HOME`, as for the scripts), for `tsx`, jest and the built gateway alike.
 */
export function runtimeRoot(env: Readonly<Record<string, unknown>>): string {
  const home = env['GOVTRACE_HOME'];
  return typeof home === 'string' && home !== ''
    ? path.resolve(home)
    : path.join(repositoryRoot(), '.govtrace');
}

/** Default locations of the files `scripts/src/identity` writes for the gateway (chaincode/src/contract/runtime-files.ts). */
export function runtimeFileDefaults(env: Readonly<Record<string, unknown>>): {
  GOVTRACE_CONNECTION_PROFILE: string;
  GOVTRACE_IDENTITIES: string;
  DATABASE_PATH: string;
  HOLDER_LOOKUP_KEY_FILE: string;
} {
  const gatewayDir = path.join(runtimeRoot(env), 'gateway');
  return {
    GOVTRACE_CONNECTION_PROFILE: path.join(gatewayDir, 'connection.json'),
    GOVTRACE_IDENTITIES: path.join(gatewayDir, 'identities.json'),
    // the embedded index database (src/index-db) lives with the other runtime state
    DATABASE_PATH: path.join(gatewayDir, 'index.sqlite'),
    HOLDER_LOOKUP_KEY_FILE: path.join(gatewayDir, 'holder-lookup.key'),
  };
}

const defaults = runtimeFileDefaults({});

/** Relative paths are taken from the working directory, once, so later reads do not depend on it. */
const toAbsolutePath = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value !== '' ? path.resolve(value) : value;

/** As toAbsolutePath, but SQLite's `:memory:` (a database that lives and dies with the process) stays. */
const toDatabasePath = ({ value }: { value: unknown }): unknown =>
  value === ':memory:' ? value : toAbsolutePath({ value });

/** Only the words `true` and `false`: anything else ("yes", "1") is refused rather than guessed. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const DATABASE_TYPES = ['sqlite', 'postgres'] as const;
export type DatabaseType = (typeof DATABASE_TYPES)[number];

/** Empty, or YYYY-MM-DD dates separated by commas (the business working calendar's date lists). */
const DATE_LIST_PATTERN = /^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/;

/** A hostname, an IPv4 address or an IPv6 address; what `server.listen(port, host)` accepts. */
/** One trusted proxy: an IPv4 or IPv6 address, optionally /prefix, or one of Express's names. */
const TRUSTED_PROXY =
  '(?:loopback|linklocal|uniquelocal|[0-9.]+(?:/[0-9]{1,2})?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/[0-9]{1,3})?)';
const TRUSTED_PROXIES_PATTERN = new RegExp(`^(?:${TRUSTED_PROXY}(?:\\s*,\\s*${TRUSTED_PROXY})*)?$`);

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

  /**
   * `pretty` lines for a person, `json` for collectors. validateEnv supplies the default from whether
   * stdout is a terminal (defaultLogFormat); `json` here is for a schema built without it.
   */
  @Expose()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'json';

  @Expose()
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  // --- Departments (src/departments): one gateway per department ---

  /**
   * The departments (MSP ids) this gateway serves, comma-separated. It loads only their users and
   * answers 404 for the other departments' routes; the holder-lookup key and the holder verifier
   * are needed only with RegistryMSP. Default: all four, as the local `npm start` runs.
   */
  @Expose()
  @Transform(({ value }) => splitDepartmentList(value))
  @IsIn(DEPARTMENTS, {
    each: true,
    message: `GATEWAY_DEPARTMENTS names an unknown MSP id; use some of ${DEPARTMENTS.join(', ')}`,
  })
  @ArrayNotEmpty({ message: `GATEWAY_DEPARTMENTS must name at least one of ${DEPARTMENTS.join(', ')}` })
  @IsArray()
  GATEWAY_DEPARTMENTS: Department[] = [...DEPARTMENTS];

  // --- Fabric (src/fabric) ---

  @Expose()
  @Transform(toAbsolutePath)
  @IsNotEmpty()
  @IsString()
  GOVTRACE_CONNECTION_PROFILE: string = defaults.GOVTRACE_CONNECTION_PROFILE;

  @Expose()
  @Transform(toAbsolutePath)
  @IsNotEmpty()
  @IsString()
  GOVTRACE_IDENTITIES: string = defaults.GOVTRACE_IDENTITIES;

  /**
   * The versioned secret behind the chaincode's private owner index (src/real-estate,
   * holder-lookup-key.ts; format in chaincode/src/contract/holder-lookup-key-file.ts); `network up` creates it for a new
   * network. Without it the gateway does not start. Replacing it orphans the index.
   */
  @Expose()
  @Transform(toAbsolutePath)
  @IsNotEmpty()
  @IsString()
  HOLDER_LOOKUP_KEY_FILE: string = defaults.HOLDER_LOOKUP_KEY_FILE;

  /**
   * `true`: create HOLDER_LOOKUP_KEY_FILE if it is missing (a brand-new network only). An existing
   * file is never replaced, whatever this says.
   */
  @Expose()
  @Transform(toBoolean)
  @IsBoolean()
  HOLDER_LOOKUP_KEY_CREATE: boolean = false;

  /** The identity that reads chaincode events, answers readiness and public ledger look-ups. */
  @Expose()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, { message: 'FABRIC_SERVICE_USER must be a user name' })
  FABRIC_SERVICE_USER: string = 'ledger-reader';

  /**
   * The registry's service identity (RegistryMSP, role registry_verifier) the public holder check
   * evaluates GetHolderMatch as; the chaincode refuses everyone else. `network up` enrols it.
   */
  @Expose()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, {
    message: 'FABRIC_HOLDER_VERIFIER_USER must be a user name',
  })
  FABRIC_HOLDER_VERIFIER_USER: string = 'holder-verifier';

  @Expose()
  @Type(() => Number)
  @Max(600_000)
  @Min(100)
  @IsInt()
  FABRIC_EVALUATE_TIMEOUT_MS: number = 5_000;

  @Expose()
  @Type(() => Number)
  @Max(600_000)
  @Min(100)
  @IsInt()
  FABRIC_ENDORSE_TIMEOUT_MS: number = 15_000;

  @Expose()
  @Type(() => Number)
  @Max(600_000)
  @Min(100)
  @IsInt()
  FABRIC_SUBMIT_TIMEOUT_MS: number = 5_000;

  @Expose()
  @Type(() => Number)
  @Max(600_000)
  // from 1 ms: a deadline so short that every commit goes unconfirmed is how the tests reach the
  // unknown-outcome path of Idempotency-Key on the real network (test/e2e/idempotent-retry.e2e.ts)
  @Min(1)
  @IsInt()
  FABRIC_COMMIT_STATUS_TIMEOUT_MS: number = 60_000;

  /** New transactions tried after an MVCC_READ_CONFLICT / PHANTOM_READ_CONFLICT at commit. */
  @Expose()
  @Type(() => Number)
  @Max(10)
  @Min(0)
  @IsInt()
  FABRIC_COMMIT_RETRIES: number = 3;

  // --- Metrics (src/metrics) ---

  /** GET /metrics answers loopback clients only unless this is `true`. */
  @Expose()
  @Transform(toBoolean)
  @IsBoolean()
  METRICS_ALLOW_REMOTE: boolean = false;

  // --- off-chain index and idempotency records (src/index-db, src/idempotency) ---

  @Expose()
  @IsIn(DATABASE_TYPES)
  DATABASE_TYPE: DatabaseType = 'sqlite';

  /** The SQLite file (DATABASE_TYPE=sqlite); `:memory:` for a throw-away database. */
  @Expose()
  @Transform(toDatabasePath)
  @IsNotEmpty()
  @IsString()
  DATABASE_PATH: string = defaults.DATABASE_PATH;

  // Required only for PostgreSQL. The message never repeats the value: the URL holds a password.
  @Expose()
  @ValidateIf((env: EnvironmentVariables) => env.DATABASE_TYPE === 'postgres')
  @Matches(/^postgres(?:ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL when DATABASE_TYPE is postgres',
  })
  DATABASE_URL?: string;

  /** How long a completed Idempotency-Key answer is replayed; default 24 h, at most 30 days. */
  @Expose()
  @Type(() => Number)
  @Max(30 * 24 * 3600)
  @Min(1)
  @IsInt()
  IDEMPOTENCY_TTL_SECONDS: number = 24 * 3600;

  // --- business opening working calendar (src/business, chaincode/src/business/working-time.ts) ---
  // Shape only here; order and overlap of the periods are checked when the calendar is built at
  // start-up (BusinessWorkingCalendar), which fails the same way on a bad value.

  /** Minutes east of UTC of the calendar's wall clock; Asia/Shanghai is +480 all year. */
  @Expose()
  @Type(() => Number)
  @Max(840)
  @Min(-840)
  @IsInt()
  BUSINESS_UTC_OFFSET_MINUTES: number = 480;

  @Expose()
  @Matches(
    /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d(,([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)*$/,
    {
      message: 'BUSINESS_WORKING_PERIODS must be HH:MM-HH:MM periods separated by commas',
    },
  )
  BUSINESS_WORKING_PERIODS: string = '09:00-12:00,13:30-18:00';

  @Expose()
  @Matches(/^[1-7](,[1-7])*$/, {
    message: 'BUSINESS_WORKING_WEEKDAYS must be ISO weekdays 1 (Monday) to 7 (Sunday) separated by commas',
  })
  BUSINESS_WORKING_WEEKDAYS: string = '1,2,3,4,5';

  /** Public holidays on working weekdays; empty (the default) means none. */
  @Expose()
  @Matches(DATE_LIST_PATTERN, { message: 'BUSINESS_HOLIDAYS must be YYYY-MM-DD dates separated by commas' })
  BUSINESS_HOLIDAYS: string = '';

  /** Make-up working days (调休) on weekends; empty (the default) means none. */
  @Expose()
  @Matches(DATE_LIST_PATTERN, {
    message: 'BUSINESS_EXTRA_WORKING_DAYS must be YYYY-MM-DD dates separated by commas',
  })
  BUSINESS_EXTRA_WORKING_DAYS: string = '';

  // --- Public verification (src/verify) ---

  /**
   * The address citizens reach the gateway at, printed into QR codes (`<base>/verify?…`). Empty
   * (the default) means http://HOST:PORT, which suits the local setup only.
   */
  @Expose()
  @Matches(/^(https?:\/\/[^\s/?#]+)?$/, {
    message: 'PUBLIC_BASE_URL must be empty or http(s)://host[:port] without a path',
  })
  PUBLIC_BASE_URL: string = '';

  /** Requests one client address may make to the public routes within VERIFY_RATE_WINDOW_MS. */
  @Expose()
  @Type(() => Number)
  @Max(1_000_000)
  @Min(1)
  @IsInt()
  VERIFY_RATE_LIMIT: number = 120;

  @Expose()
  @Type(() => Number)
  @Max(3_600_000)
  @Min(1_000)
  @IsInt()
  VERIFY_RATE_WINDOW_MS: number = 60_000;

  /**
   * How long a verification answer is reused for the same number; 0 turns the cache off. Kept short:
   * a status change shows within this time, while a burst for one QR code costs one ledger read.
   */
  @Expose()
  @Type(() => Number)
  @Max(60_000)
  @Min(0)
  @IsInt()
  VERIFY_CACHE_TTL_MS: number = 2_000;

  /**
   * Ledger reads the public routes may have in flight at once; more wait in a short queue, beyond it
   * they answer 503. Keeps a burst of citizens from taking the peers away from clerks' writes.
   */
  @Expose()
  @Type(() => Number)
  @Max(256)
  @Min(1)
  @IsInt()
  VERIFY_MAX_CONCURRENT_READS: number = 8;

  @Expose()
  @Type(() => Number)
  @Max(10_000)
  @Min(0)
  @IsInt()
  VERIFY_MAX_QUEUED_READS: number = 200;

  /**
   * Proof bundles (a whole block each) built at once; more wait in a queue of 4 × this, beyond it
   * 503. Small and apart from the verification reads, so bundles cannot crowd out the citizens' checks.
   */
  @Expose()
  @Type(() => Number)
  @Max(64)
  @Min(1)
  @IsInt()
  VERIFY_PROOF_BUNDLE_MAX_CONCURRENT: number = 2;

  /**
   * The reverse proxies whose X-Forwarded-For the gateway believes, comma-separated: IP addresses,
   * CIDR ranges, or Express's names `loopback`, `linklocal`, `uniquelocal`. Empty (the default):
   * none, so each client is its socket address. Behind a proxy, name it here, or every citizen
   * shares the proxy's rate limit.
   */
  @Expose()
  @Matches(TRUSTED_PROXIES_PATTERN, {
    message:
      'TRUSTED_PROXIES must be a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  })
  TRUSTED_PROXIES: string = '';

  /** Failed holder checks of one certificate per UTC day, from any address, before it locks until 00:00 UTC. */
  @Expose()
  @Type(() => Number)
  @Max(100)
  @Min(1)
  @IsInt()
  VERIFY_HOLDER_CHECK_MAX_FAILURES: number = 5;
}
