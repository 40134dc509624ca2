import { type OnApplicationShutdown } from '@nestjs/common';
import { type ThrottlerStorage } from '@nestjs/throttler';

import { HitLog } from './hit-log';

interface ClientRecord {
  readonly hits: Map<string, HitLog>;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often records of clients gone quiet are dropped (the library's sweep interval). */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The throttler's in-memory storage with the library's exact counting (ThrottlerStorageService of
 * @nestjs/throttler 6: a sliding log of hits, blocked for `blockDuration` once over the limit, the
 * log cleared when the block ends), at a constant cost per hit instead of one proportional to the
 * hits in the window (hit-log.ts).
 */
export class HitLogThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  readonly #records = new Map<string, ClientRecord>();
  #sweep: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = () => Date.now()) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    this.#ensureSweep();
    const now = this.now();
    let record = this.#records.get(key);
    if (record === undefined) {
      record = { hits: new Map(), expiresAt: now + ttl, blockExpiresAt: 0, isBlocked: false };
      this.#records.set(key, record);
    }
    let hits = record.hits.get(throttlerName);
    if (hits === undefined) {
      hits = new HitLog();
      record.hits.set(throttlerName, hits);
    }
    hits.prune(now);
    let timeToExpire = seconds(record.expiresAt - now);
    if (timeToExpire <= 0) {
      record.expiresAt = now + ttl;
      timeToExpire = seconds(record.expiresAt - now);
    }
    if (blockDuration <= 0) {
      const isBlocked = hits.size >= limit;
      if (!isBlocked) hits.add(now + ttl);
      const first = hits.first;
      return Promise.resolve({
        totalHits: hits.size + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: !isBlocked ? 0 : first !== undefined ? seconds(first - now) : timeToExpire,
      });
    }
    if (!record.isBlocked) hits.add(now + ttl);
    if (hits.size > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = seconds(record.blockExpiresAt - now);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      // the block is over: the client starts again from this one hit
      record.isBlocked = false;
      hits.clear();
      hits.add(now + ttl);
    }
    return Promise.resolve({
      totalHits: hits.size,
      timeToExpire,
      isBlocked: record.isBlocked,
      timeToBlockExpire,
    });
  }

  /** Clients with no live hit, no running block and an expired window (the library's sweep). */
  evictIdle(now = this.now()): void {
    for (const [key, record] of this.#records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      if ([...record.hits.values()].some((hits) => hits.liveAt(now))) continue;
      this.#records.delete(key);
    }
  }

  get clients(): number {
    return this.#records.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.#sweep);
    this.#sweep = undefined;
    this.#records.clear();
  }

  #ensureSweep(): void {
    if (this.#sweep !== undefined) return;
    this.#sweep = setInterval(() => this.evictIdle(), SWEEP_INTERVAL_MS);
    this.#sweep.unref();
  }
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}
