import autocannon from 'autocannon';

import { log } from '../lib/log';
import { type Measurement } from './measurement';

const DURATION_SECONDS = 15;
const CONNECTIONS = 16;

export function verificationName(label: string): string {
  return `HTTP verify certificate, ${label} (${CONNECTIONS} connections)`;
}

/**
 * GET /api/v1/verify/certificates/{n} under load (autocannon, 16 connections, 15 s, loopback),
 * rotating over the given certificates. Run once against a gateway with the short answer cache
 * and once with it off, so both the cached path and a full ledger read (certificate, unit history,
 * qscc proof) are measured.
 */
export async function measureVerification(
  baseUrl: string,
  certificates: readonly string[],
  label: string,
): Promise<Measurement> {
  if (certificates.length === 0) throw new Error('no certificates to verify: the registrations failed');
  const name = verificationName(label);
  const progress = setInterval(() => log.detail(`${name}: running`), 5_000);
  progress.unref();
  try {
    const result = await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: certificates.map((number) => ({
        method: 'GET',
        path: `/api/v1/verify/certificates/${encodeURIComponent(number)}`,
      })),
    });
    const ok = result['2xx'];
    const measurement: Measurement = {
      name,
      operations: ok,
      seconds: result.duration,
      perSecond: ok / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
    };
    log.detail(
      `${name}: ${ok} in ${result.duration.toFixed(1)} s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    return measurement;
  } finally {
    clearInterval(progress);
  }
}
