import { abortable, sleep } from './abortable';

/** 0, 1, … count − 1, one per turn of the event loop, as a stream of ledger events would arrive. */
async function* ticks(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    yield i;
  }
}

describe('sleep', () => {
  it('resolves early when the signal aborts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const done = sleep(60_000, abort.signal);
    abort.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('abortable', () => {
  it('passes values through until the source ends', async () => {
    const seen: number[] = [];
    for await (const value of abortable(ticks(3), new AbortController().signal)) seen.push(value);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('stops waiting for a source that never answers, and asks it to close', async () => {
    let closed = false;
    const hanging: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<number>>(() => undefined),
        return: () => {
          closed = true;
          return Promise.resolve({ done: true, value: undefined });
        },
      }),
    };
    const abort = new AbortController();
    const seen: number[] = [];
    const consumed = (async () => {
      for await (const value of abortable(hanging, abort.signal)) seen.push(value);
    })();
    abort.abort();
    await consumed;
    expect(seen).toEqual([]);
    expect(closed).toBe(true);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<number> {
      try {
        yield* ticks(Number.POSITIVE_INFINITY);
      } finally {
        closed = true;
      }
    }
    for await (const value of abortable(endless(), new AbortController().signal)) if (value === 2) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });
});
