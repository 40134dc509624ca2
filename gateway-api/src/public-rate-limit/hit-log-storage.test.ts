import { ThrottlerStorageService } from '@nestjs/throttler';

import { HitLog } from './hit-log';
import { HitLogThrottlerStorage } from './hit-log-storage';

describe('HitLogThrottlerStorage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  /** A small deterministic pseudo-random sequence, so a failure can be replayed. */
  function* randoms(seed: number): Generator<number> {
    let state = seed;
    for (;;) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      yield state / 2_147_483_648;
    }
  }

  it.each([
    { name: 'with a block (the guard’s way)', blockDuration: 3_000 },
    { name: 'without a block', blockDuration: 0 },
  ])('answers exactly as the library’s storage does, $name', async ({ blockDuration }) => {
    const library = new ThrottlerStorageService();
    const ours = new HitLogThrottlerStorage();
    const random = randoms(blockDuration + 7);
    try {
      for (let i = 0; i < 3_000; i += 1) {
        jest.advanceTimersByTime(Math.floor((random.next().value as number) * 40));
        const client = `public:10.0.0.${Math.floor((random.next().value as number) * 3)}`;
        const args = [client, 2_000, 25, blockDuration, 'public'] as const;
        expect(await ours.increment(...args)).toEqual(await library.increment(...args));
      }
    } finally {
      library.onApplicationShutdown();
      ours.onApplicationShutdown();
    }
  });

  it('blocks a client over the limit until the block ends, then counts it afresh', async () => {
    const storage = new HitLogThrottlerStorage();
    const hit = (): ReturnType<HitLogThrottlerStorage['increment']> =>
      storage.increment('public:a', 60_000, 2, 60_000, 'public');
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).isBlocked).toBe(false);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    jest.advanceTimersByTime(30_000);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    jest.advanceTimersByTime(30_000);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
    storage.onApplicationShutdown();
  });

  it('forgets clients gone quiet', async () => {
    const storage = new HitLogThrottlerStorage();
    await storage.increment('public:a', 1_000, 10, 1_000, 'public');
    storage.evictIdle();
    expect(storage.clients).toBe(1);
    jest.advanceTimersByTime(1_001);
    storage.evictIdle();
    expect(storage.clients).toBe(0);
    storage.onApplicationShutdown();
  });
});

describe('HitLog', () => {
  it('drops expired hits from the front and keeps the rest in order', () => {
    const log = new HitLog();
    for (let at = 1; at <= 3_000; at += 1) log.add(at);
    log.prune(2_500);
    expect(log.size).toBe(500);
    expect(log.first).toBe(2_501);
    expect(log.liveAt(2_999)).toBe(true);
    log.prune(3_000);
    expect(log.size).toBe(0);
    expect(log.liveAt(0)).toBe(false);
  });

  it('keeps the order when a hit expires before the last one', () => {
    const log = new HitLog();
    log.add(10);
    log.add(30);
    log.add(20);
    log.prune(15);
    expect(log.first).toBe(20);
    log.prune(25);
    expect(log.size).toBe(1);
  });
});
