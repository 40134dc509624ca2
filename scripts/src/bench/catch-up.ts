import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Seconds until the gateway's index is 0 blocks behind the peer (/health/ready), polled every
 * 200 ms: the projection lag when called as a load stops, the cold catch-up time on a fresh index.
 */
export async function secondsUntilCaughtUp(baseUrl: string, withinMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const text = await (await fetch(`${baseUrl}/health/ready`)).text();
    if (/(\d+) blocks behind/.exec(text)?.[1] === '0') return (performance.now() - started) / 1000;
    if (performance.now() - started > withinMs)
      throw new Error(`index still behind after ${withinMs} ms: ${text}`);
    await sleep(200);
  }
}
