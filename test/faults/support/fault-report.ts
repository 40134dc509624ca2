import { setTimeout as sleep } from 'node:timers/promises';

import { type ScanStream } from './scan-stream';

export interface Fault {
  readonly name: string;
  /** Kills the process; returns how to bring it back. */
  readonly inject: () => Promise<() => Promise<void>>;
}

export interface FaultReport {
  readonly fault: string;
  /** From the kill to the first request that failed; null when clients never noticed the fault. */
  readonly firstFailureAfterMs: number | null;
  /** From the first failure to the next acknowledgement. */
  readonly outageMs: number | null;
  /** From the restart to the next acknowledgement. */
  readonly recoveryAfterRestartMs: number;
}

/**
 * Injects one fault into a running stream, holds it, restores, and waits for the stream to be
 * acknowledged again; the times are read from the stream's own answers.
 */
export async function measureFault(
  stream: ScanStream,
  fault: Fault,
  timing: { holdMs: number; recoveryLimitMs: number },
): Promise<FaultReport> {
  const killedAt = Date.now();
  const restore = await fault.inject();
  await sleep(timing.holdMs);
  const restartedAt = Date.now();
  await restore();
  const deadline = Date.now() + timing.recoveryLimitMs;
  while (stream.firstSuccessAfter(restartedAt) === undefined) {
    if (Date.now() > deadline) {
      throw new Error(`no acknowledgement within ${timing.recoveryLimitMs} ms of restarting: ${fault.name}`);
    }
    await sleep(250);
  }
  const recoveredAt = stream.firstSuccessAfter(restartedAt) ?? Date.now();
  const failedAt = stream.firstFailureAfter(killedAt);
  const failure = failedAt !== undefined && failedAt <= recoveredAt ? failedAt : undefined;
  return {
    fault: fault.name,
    firstFailureAfterMs: failure === undefined ? null : failure - killedAt,
    outageMs: failure === undefined ? null : (stream.firstSuccessAfter(failure) ?? recoveredAt) - failure,
    recoveryAfterRestartMs: recoveredAt - restartedAt,
  };
}

export function renderFaultTable(reports: readonly FaultReport[]): string {
  return [
    '| fault | first failed request after the kill (ms) | outage seen by clients (ms) | acknowledged again after restart (ms) |',
    '| --- | ---: | ---: | ---: |',
    ...reports.map(
      (r) =>
        `| ${r.fault} | ${r.firstFailureAfterMs ?? 'none'} | ${r.outageMs ?? 'none'} | ${r.recoveryAfterRestartMs} |`,
    ),
  ].join('\n');
}
