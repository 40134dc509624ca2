import { Logger } from '@nestjs/common';

import { type Database } from '../src/index-db/database/database';
import { HolderCheckLockout } from '../src/verify/holder-check/holder-check-lockout';
import { DATABASE_SETUP_TIMEOUT_MS, openDatabase, TEST_DATABASES } from './support/databases';

// Several gateways sharing one database share one lockout: the count is a row, taken with one
// conditional update, so guesses spread over gateways (and addresses) still stop at the limit.

Logger.overrideLogger(false);

const NUMBER = '粤(2026)广州市不动产权第09400110号';
const now = (): Date => new Date('2026-12-03T10:00:00.000Z');

describe.each(TEST_DATABASES)('holder-check lockout shared by two gateways on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  const opened: Database[] = [];

  beforeAll(() => database.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => database.tearDown());
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.dataSource.destroy();
  });

  async function twoGateways(): Promise<[HolderCheckLockout, HolderCheckLockout]> {
    const config = await database.fresh();
    const first = await openDatabase(config);
    const second = await openDatabase(config);
    opened.push(first, second);
    return [
      new HolderCheckLockout(first, { maxFailures: 5, now }),
      new HolderCheckLockout(second, { maxFailures: 5, now }),
    ];
  }

  async function taken(lockout: HolderCheckLockout): Promise<boolean> {
    try {
      await lockout.take(NUMBER);
      return true;
    } catch {
      return false;
    }
  }

  it('counts failures on either gateway against one limit', async () => {
    const [a, b] = await twoGateways();
    const results = [];
    for (let i = 0; i < 7; i += 1) results.push(await taken(i % 2 === 0 ? a : b));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(await a.failuresToday(NUMBER)).toBe(5);
    expect(await b.failuresToday(NUMBER)).toBe(5);
  });

  it('lets exactly the limit through when both gateways are guessing at once', async () => {
    const [a, b] = await twoGateways();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => taken(i % 2 === 0 ? a : b)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it('a slot given back on one gateway frees it for the other', async () => {
    const [a, b] = await twoGateways();
    const slots = [];
    for (let i = 0; i < 5; i += 1) slots.push(await a.take(NUMBER));
    expect(await taken(b)).toBe(false);
    await a.giveBack(slots[0] ?? { certificateNumber: NUMBER, day: '2026-12-03' });
    expect(await taken(b)).toBe(true);
  });
});
