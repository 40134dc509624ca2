import { Logger } from '@nestjs/common';

import { type Database } from '../src/index-db/database/database';
import { IdempotencyRecord } from '../src/idempotency/idempotency-record.entity';
import { type Claim, type IdempotentRequest, IdempotencyStore } from '../src/idempotency/idempotency.store';
import { fingerprintRequest } from '../src/idempotency/request-fingerprint';
import { DATABASE_SETUP_TIMEOUT_MS, openDatabase, TEST_DATABASES } from './support/databases';

Logger.overrideLogger(false);

const TTL_SECONDS = 60;

function request(
  body: unknown,
  overrides: Partial<Omit<IdempotentRequest, 'fingerprint'>> = {},
): IdempotentRequest {
  return {
    user: 'registry-clerk',
    key: 'key-1',
    fingerprint: fingerprintRequest({ method: 'POST', url: '/api/v1/waste/sites', body }),
    ...overrides,
  };
}

function unknownOutcome(claim: Claim): Extract<Claim, { kind: 'unknown-outcome' }> {
  if (claim.kind !== 'unknown-outcome') throw new Error(`expected unknown-outcome, got ${claim.kind}`);
  return claim;
}

const TX = 'e'.repeat(64);

function acquired(claim: Claim): Extract<Claim, { kind: 'acquired' }> {
  if (claim.kind !== 'acquired') throw new Error(`expected acquired, got ${claim.kind}`);
  return claim;
}

describe.each(TEST_DATABASES)('IdempotencyStore on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  let db: Database;
  let now: Date;
  let store: IdempotencyStore;

  beforeAll(() => database.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => database.tearDown());
  beforeEach(async () => {
    db = await openDatabase(await database.fresh());
    now = new Date('2026-11-24T08:00:00.000Z');
    store = new IdempotencyStore(db, { ttlSeconds: TTL_SECONDS, now: () => now });
  });
  afterEach(() => db.dataSource.destroy());

  it('acquires a new key, answers in-progress meanwhile, then replays the stored answer', async () => {
    const first = acquired(await store.claim(request({ siteId: 'S1' })));
    expect(await store.claim(request({ siteId: 'S1' }))).toEqual({ kind: 'in-progress' });

    expect(await store.complete(first.ticket, 201, JSON.stringify({ txId: 'abc', blockNumber: '7' }))).toBe(
      true,
    );
    expect(await store.claim(request({ siteId: 'S1' }))).toEqual({
      kind: 'replay',
      status: 201,
      body: { txId: 'abc', blockNumber: '7' },
    });
  });

  it('lets a retry take over a key left in progress by a gateway that died, once the lease is over', async () => {
    const leased = new IdempotencyStore(db, { ttlSeconds: TTL_SECONDS, leaseSeconds: 10, now: () => now });
    const dead = acquired(await leased.claim(request({ siteId: 'S9' })));
    now = new Date(now.getTime() + 9_000);
    expect(await leased.claim(request({ siteId: 'S9' }))).toEqual({ kind: 'in-progress' });
    now = new Date(now.getTime() + 2_000);
    const retry = acquired(await leased.claim(request({ siteId: 'S9' })));
    expect(retry.ticket.attemptId).not.toBe(dead.ticket.attemptId);
    // the dead attempt can no longer complete the record it lost
    expect(await leased.complete(dead.ticket, 201, '{}')).toBe(false);
    expect(await leased.complete(retry.ticket, 201, '{"ok":true}')).toBe(true);
    now = new Date(now.getTime() + 20_000);
    expect(await leased.claim(request({ siteId: 'S9' }))).toEqual({
      kind: 'replay',
      status: 201,
      body: { ok: true },
    });
  });

  it('recognises the same body in another key order as the same request', async () => {
    const first = acquired(await store.claim(request({ a: 1, b: [1, { c: 2, d: 3 }] })));
    await store.complete(first.ticket, 201, null);
    expect(await store.claim(request({ b: [1, { d: 3, c: 2 }], a: 1 }))).toEqual({
      kind: 'replay',
      status: 201,
      body: undefined,
    });
  });

  it('refuses the key for a different body, path or method', async () => {
    const first = acquired(await store.claim(request({ siteId: 'S1' })));
    await store.complete(first.ticket, 201, '{}');
    expect(await store.claim(request({ siteId: 'S2' }))).toEqual({ kind: 'mismatch' });
    expect(
      await store.claim({
        ...request({}),
        fingerprint: fingerprintRequest({
          method: 'POST',
          url: '/api/v1/waste/scans',
          body: { siteId: 'S1' },
        }),
      }),
    ).toEqual({ kind: 'mismatch' });
    expect(
      await store.claim({
        ...request({}),
        fingerprint: fingerprintRequest({
          method: 'PUT',
          url: '/api/v1/waste/sites',
          body: { siteId: 'S1' },
        }),
      }),
    ).toEqual({ kind: 'mismatch' });
  });

  it('scopes keys by user: the same key of another user (or of anonymous) is another record', async () => {
    acquired(await store.claim(request({ siteId: 'S1' })));
    acquired(await store.claim(request({ siteId: 'S1' }, { user: 'tax-officer' })));
    acquired(await store.claim(request({ siteId: 'S1' }, { user: '' })));
  });

  it('after release the key may be used again', async () => {
    const first = acquired(await store.claim(request({ siteId: 'S1' })));
    await store.release(first.ticket);
    acquired(await store.claim(request({ siteId: 'S2' })));
  });

  it('ignores and replaces an expired record; its late owner can no longer complete it', async () => {
    const stale = acquired(await store.claim(request({ siteId: 'S1' })));
    now = new Date(now.getTime() + TTL_SECONDS * 1000);
    const fresh = acquired(await store.claim(request({ siteId: 'S2' })));

    expect(await store.complete(stale.ticket, 201, '"stale"')).toBe(false);
    expect(await store.complete(fresh.ticket, 201, '"fresh"')).toBe(true);
    expect(await store.claim(request({ siteId: 'S2' }))).toMatchObject({ kind: 'replay', body: 'fresh' });
    await store.release(stale.ticket); // must not delete the new owner's record
    expect(await store.claim(request({ siteId: 'S2' }))).toMatchObject({ kind: 'replay', body: 'fresh' });
  });

  it('lets exactly one of many concurrent first uses run', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => store.claim(request({ siteId: 'S1' }))),
    );
    expect(claims.filter((claim) => claim.kind === 'acquired')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(19);
  });

  it('lets exactly one of many concurrent claims take over an expired record', async () => {
    acquired(await store.claim(request({ siteId: 'S1' })));
    now = new Date(now.getTime() + 2 * TTL_SECONDS * 1000);
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => store.claim(request({ siteId: 'S1' }))),
    );
    expect(claims.filter((claim) => claim.kind === 'acquired')).toHaveLength(1);
  });

  describe('a write whose outcome is unknown (UNKNOWN_OUTCOME)', () => {
    it('is kept with its txId and the attempt start; retries see it, even long after the lease', async () => {
      const leased = new IdempotencyStore(db, { ttlSeconds: TTL_SECONDS, leaseSeconds: 10, now: () => now });
      const first = acquired(await leased.claim(request({ siteId: 'U1' })));
      const startedAt = now.toISOString();
      now = new Date(now.getTime() + 1_000);
      expect(await leased.markUnknownOutcome(first.ticket, TX)).toBe(true);

      now = new Date(now.getTime() + 30_000); // far past the lease: never taken over by age alone
      expect(await leased.claim(request({ siteId: 'U1' }))).toEqual({
        kind: 'unknown-outcome',
        ticket: first.ticket,
        txId: TX,
        since: startedAt,
      });
      expect(await leased.claim(request({ siteId: 'U2' }))).toEqual({ kind: 'mismatch' });
    });

    it('is marked only by the attempt that owns it while in progress', async () => {
      const first = acquired(await store.claim(request({ siteId: 'U3' })));
      expect(await store.markUnknownOutcome({ ...first.ticket, attemptId: 'someone-else' }, TX)).toBe(false);
      await store.complete(first.ticket, 201, '{}');
      expect(await store.markUnknownOutcome(first.ticket, TX)).toBe(false);
      expect((await store.claim(request({ siteId: 'U3' }))).kind).toBe('replay');
    });

    it('stores the rebuilt answer under the ticket the retry got, for replay', async () => {
      const first = acquired(await store.claim(request({ siteId: 'U4' })));
      await store.markUnknownOutcome(first.ticket, TX);
      const retry = unknownOutcome(await store.claim(request({ siteId: 'U4' })));
      expect(await store.complete(retry.ticket, 201, JSON.stringify({ txId: TX }))).toBe(true);
      expect(await store.claim(request({ siteId: 'U4' }))).toEqual({
        kind: 'replay',
        status: 201,
        body: { txId: TX },
      });
    });

    it('is restarted by exactly one of many concurrent retries: in progress again, new attempt, no txId', async () => {
      const first = acquired(await store.claim(request({ siteId: 'U5' })));
      await store.markUnknownOutcome(first.ticket, TX);
      const retry = unknownOutcome(await store.claim(request({ siteId: 'U5' })));
      now = new Date(now.getTime() + 5_000);

      const restarts = await Promise.all(Array.from({ length: 8 }, () => store.restart(retry.ticket)));
      const winners = restarts.filter((ticket) => ticket !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.attemptId).not.toBe(first.ticket.attemptId);
      expect(await store.claim(request({ siteId: 'U5' }))).toEqual({ kind: 'in-progress' });
      const row = await db.run((manager) =>
        manager.getRepository(IdempotencyRecord).findOneByOrFail({ userId: 'registry-clerk', key: 'key-1' }),
      );
      expect(row).toMatchObject({ state: 'IN_PROGRESS', txId: null, createdAt: now.toISOString() });
      // the stale ticket can neither store an answer nor restart again
      expect(await store.complete(retry.ticket, 201, '{}')).toBe(false);
      expect(await store.restart(retry.ticket)).toBeUndefined();
    });

    it('is replaced like any other record once the TTL is over', async () => {
      const first = acquired(await store.claim(request({ siteId: 'U6' })));
      await store.markUnknownOutcome(first.ticket, TX);
      now = new Date(now.getTime() + TTL_SECONDS * 1000);
      expect((await store.claim(request({ siteId: 'U6' }))).kind).toBe('acquired');
    });
  });

  it('purges expired records only', async () => {
    acquired(await store.claim(request({ siteId: 'S1' }, { key: 'old' })));
    now = new Date(now.getTime() + 30_000);
    acquired(await store.claim(request({ siteId: 'S1' }, { key: 'new' })));
    now = new Date(now.getTime() + 30_000);
    expect(await store.purgeExpired()).toBe(1);
    const keys = await db.run((manager) => manager.getRepository(IdempotencyRecord).find());
    expect(keys.map((record) => record.key)).toEqual(['new']);
  });
});
