import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';

/** The public verification routes' configuration, read once from the validated environment. */
export interface VerifySettings {
  /** Base of the links printed in QR codes, without a trailing slash. */
  readonly publicBaseUrl: string;
  readonly cacheTtlMs: number;
  readonly maxConcurrentReads: number;
  readonly maxQueuedReads: number;
  /** Proof bundles built at once (their own bulkhead; 4 × this may wait). */
  readonly proofBundleMaxConcurrent: number;
  readonly rateLimit: number;
  readonly rateWindowMs: number;
  /** Failed holder checks per certificate and UTC day before the check locks (holder-check/). */
  readonly holderCheckMaxFailures: number;
  /** The RegistryMSP registry_verifier identity that evaluates GetHolderMatch. */
  readonly holderVerifierUser: string;
}

export const VERIFY_SETTINGS = Symbol('VerifySettings');

export function verifySettingsFrom(config: ConfigService<EnvironmentVariables, true>): VerifySettings {
  const get = <K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] =>
    config.get(key, { infer: true });
  const configured = get('PUBLIC_BASE_URL');
  return {
    publicBaseUrl: configured !== '' ? configured : `http://${urlHost(get('HOST'))}:${get('PORT')}`,
    cacheTtlMs: get('VERIFY_CACHE_TTL_MS'),
    maxConcurrentReads: get('VERIFY_MAX_CONCURRENT_READS'),
    maxQueuedReads: get('VERIFY_MAX_QUEUED_READS'),
    proofBundleMaxConcurrent: get('VERIFY_PROOF_BUNDLE_MAX_CONCURRENT'),
    rateLimit: get('VERIFY_RATE_LIMIT'),
    rateWindowMs: get('VERIFY_RATE_WINDOW_MS'),
    holderCheckMaxFailures: get('VERIFY_HOLDER_CHECK_MAX_FAILURES'),
    holderVerifierUser: get('FABRIC_HOLDER_VERIFIER_USER'),
  };
}

/** An IPv6 address needs brackets in a URL; a wildcard address is no address to print. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
