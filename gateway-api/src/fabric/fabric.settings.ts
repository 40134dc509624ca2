import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';

/** The Fabric module's configuration, read once from the validated environment. */
export interface FabricSettings {
  readonly connectionProfilePath: string;
  /** Preferred identity for the event listener, readiness and public reads (see GatewayPool.serviceUser). */
  readonly serviceUser: string;
  readonly timeouts: Readonly<{
    evaluateMs: number;
    endorseMs: number;
    submitMs: number;
    commitStatusMs: number;
  }>;
  /** New transactions tried after a read conflict at commit. */
  readonly commitRetries: number;
}

export const FABRIC_SETTINGS = Symbol('FabricSettings');

export function fabricSettingsFrom(config: ConfigService<EnvironmentVariables, true>): FabricSettings {
  const get = <K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] =>
    config.get(key, { infer: true });
  return {
    connectionProfilePath: get('GOVTRACE_CONNECTION_PROFILE'),
    serviceUser: get('FABRIC_SERVICE_USER'),
    timeouts: {
      evaluateMs: get('FABRIC_EVALUATE_TIMEOUT_MS'),
      endorseMs: get('FABRIC_ENDORSE_TIMEOUT_MS'),
      submitMs: get('FABRIC_SUBMIT_TIMEOUT_MS'),
      commitStatusMs: get('FABRIC_COMMIT_STATUS_TIMEOUT_MS'),
    },
    commitRetries: get('FABRIC_COMMIT_RETRIES'),
  };
}
