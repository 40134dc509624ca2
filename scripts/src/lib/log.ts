/**
 * Progress output for the operator. Lines, not spinners, so the same output
 * reads well in a terminal and in CI logs (CI=true, no TTY).
 */
const started = Date.now();

function stamp(): string {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6, ' ');
  return `[govtrace ${seconds}s]`;
}

export const log = {
  step(message: string): void {
    console.log(`${stamp()} ${message}`);
  },
  detail(message: string): void {
    console.log(`${stamp()}   ${message}`);
  },
  warn(message: string): void {
    console.warn(`${stamp()} WARNING: ${message}`);
  },
};

/** Runs `work`, printing how long it took; the duration is returned for reports. */
export async function timed<T>(
  label: string,
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number }> {
  const begin = Date.now();
  log.step(`${label}…`);
  const result = await work();
  const seconds = (Date.now() - begin) / 1000;
  log.step(`${label}: done in ${seconds.toFixed(1)} s`);
  return { result, seconds };
}

/**
 * Prints a heartbeat every `everyMs` while a slow step runs, so a build that
 * takes minutes never looks hung. Returns the function that stops it.
 */
export function heartbeat(label: string, everyMs = 15_000): () => void {
  const begin = Date.now();
  const timer = setInterval(() => {
    log.detail(`${label}: still working (${Math.round((Date.now() - begin) / 1000)} s)`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
