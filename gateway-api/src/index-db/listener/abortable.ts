/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

const ABORTED = Symbol('aborted');

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // race handles a late rejection of `promise` too, so it never goes unhandled
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/**
 * Iterates `iterable` until it ends or `signal` aborts. A source that ignores the signal while it
 * waits for the next event would otherwise hold shutdown hostage; here the wait is abandoned and the
 * source is asked to close without waiting for it to agree.
 */
export async function* abortable<T>(iterable: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    for (;;) {
      const next = await untilAborted(iterator.next(), signal);
      if (next === ABORTED) return;
      if (next.done === true) {
        exhausted = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // also reached when the consumer stops early (break, throw): the source must close its stream
    if (!exhausted) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
