import { log } from '../lib/log';

/** One row of the bench table. Latencies only where the measurement has per-request timings. */
export interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  /** Requests answered with anything but success (each measurement says what success is). */
  readonly failures?: number;
}

/** Runs a measurement, possibly counting the CPU time it costs (cpu.ts). */
export type Accounted = (work: () => Promise<Measurement>) => Promise<Measurement>;

/**
 * Runs `work(i)` with `concurrency` workers until `count` operations or `seconds` have passed;
 * `work` returns how many operations it completed (e.g. the scans a batch committed). Prints
 * progress every few seconds, so a slow network never looks hung.
 */
export async function bounded(
  name: string,
  limits: { count: number; seconds: number; concurrency: number },
  work: (i: number) => Promise<number>,
): Promise<Measurement> {
  const started = Date.now();
  const deadline = started + limits.seconds * 1000;
  let next = 0;
  let done = 0;
  let failures = 0;
  const latencies: number[] = [];
  const progress = setInterval(() => {
    log.detail(`${name}: ${done} so far (${Math.round((Date.now() - started) / 1000)} s)`);
  }, 5_000);
  progress.unref();
  const worker = async (): Promise<void> => {
    while (next < limits.count && Date.now() < deadline) {
      const i = next;
      next += 1;
      const begin = performance.now();
      // Await first, then add: `done += await …` reads `done` before the await and would lose
      // the other workers' increments.
      const completed = await work(i);
      latencies.push(performance.now() - begin);
      if (completed === 0) failures += 1;
      done += completed;
    }
  };
  try {
    await Promise.all(Array.from({ length: limits.concurrency }, worker));
  } finally {
    clearInterval(progress);
  }
  const seconds = (Date.now() - started) / 1000;
  const result: Measurement = {
    name,
    operations: done,
    seconds,
    perSecond: done / seconds,
    ...percentiles(latencies),
    failures,
  };
  log.detail(`${name}: ${done} in ${seconds.toFixed(1)} s = ${result.perSecond.toFixed(1)}/s`);
  return result;
}

/** Nearest-rank p50 and p99 of request latencies, in milliseconds. */
export function percentiles(latencies: readonly number[]): { p50Ms?: number; p99Ms?: number } {
  if (latencies.length === 0) return {};
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { p50Ms: rank(0.5), p99Ms: rank(0.99) };
}
