import { Logger } from '@nestjs/common';

import { ApiError, NotFoundError } from '../../common/errors';
import { createDataSource } from '../../index-db/database/data-source-options';
import { Database } from '../../index-db/database/database';
import { FakeVerifyLedger } from '../testing/fake-verify-ledger';
import { type VerifySettings } from '../verify.settings';
import { HolderCheck } from './holder-check';
import { HolderCheckLockout } from './holder-check-lockout';

Logger.overrideLogger(false);

const NUMBER = '粤(2026)广州市不动产权第09400110号';
const OLD_NUMBER = '粤(2026)广州市不动产权第09400120号';
const OTHER_NUMBER = '粤(2026)广州市不动产权第09400130号';
const HOLDER = '11010519491231002X';
const CODE = 'K7M2Q9XR';
const WRONG = { idNumber: HOLDER, verificationCode: 'K7M2Q9XS' };
const RIGHT = { idNumber: HOLDER, verificationCode: CODE };

const settings = { holderVerifierUser: 'holder-verifier' } as VerifySettings;
const direct = <R>(work: () => Promise<R>): Promise<R> => work();

describe('HolderCheck with its lockout (SQLite)', () => {
  let db: Database;
  let now: Date;
  let ledger: FakeVerifyLedger;
  let lockout: HolderCheckLockout;
  let check: HolderCheck;

  beforeEach(async () => {
    db = new Database(await createDataSource({ type: 'sqlite', path: ':memory:' }).initialize());
    now = new Date('2026-12-03T23:59:00.000Z');
    ledger = new FakeVerifyLedger()
      .record('GetCertificate', NUMBER, {})
      .record('GetCertificate', OLD_NUMBER, {})
      .record('GetCertificate', OTHER_NUMBER, {})
      .printed(NUMBER, HOLDER, CODE)
      .printed(OTHER_NUMBER, HOLDER, CODE);
    lockout = new HolderCheckLockout(db, { maxFailures: 5, now: () => now });
    check = new HolderCheck(lockout, ledger, settings);
  });

  afterEach(() => db.dataSource.destroy());

  const ask = (question = WRONG, number = NUMBER) =>
    check.ask(number, question, direct, () => Promise.resolve({ certificateNumber: number }));

  async function lockedError(run: Promise<unknown>): Promise<ApiError> {
    try {
      await run;
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error('expected the check to be refused');
  }

  it('asks GetHolderMatch as the holder verifier with the ID and the code; a match counts nothing', async () => {
    expect(await ask(RIGHT)).toEqual({ certificateNumber: NUMBER, holderMatch: true });
    expect(ledger.holderMatchUsers).toEqual(['holder-verifier']);
    expect(await lockout.failuresToday(NUMBER)).toBe(0);
  });

  it('counts a wrong answer, and after 5 answers 429 without asking the ledger, until 00:00 UTC', async () => {
    for (let i = 1; i <= 5; i += 1) {
      expect(await ask()).toMatchObject({ holderMatch: false });
      expect(await lockout.failuresToday(NUMBER)).toBe(i);
    }
    const asked = ledger.queries.length;
    const refused = await lockedError(ask(RIGHT));
    expect(refused.getStatus()).toBe(429);
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.details[0]).toMatchObject({
      reason: 'HOLDER_CHECK_LOCKED',
      lockedUntil: '2026-12-04T00:00:00.000Z',
    });
    expect(ledger.queries).toHaveLength(asked);
    // another certificate is not affected
    expect(await ask(RIGHT, OTHER_NUMBER)).toMatchObject({ holderMatch: true });
  });

  it('a right answer does not reset the day: the fifth failure still locks', async () => {
    for (let i = 0; i < 4; i += 1) await ask();
    expect(await ask(RIGHT)).toMatchObject({ holderMatch: true });
    expect(await lockout.failuresToday(NUMBER)).toBe(4);
    await ask();
    expect((await lockedError(ask(RIGHT))).getStatus()).toBe(429);
  });

  it('opens again on the next UTC day, and forgets the earlier days', async () => {
    for (let i = 0; i < 5; i += 1) await ask();
    expect((await lockedError(ask())).getStatus()).toBe(429);
    now = new Date('2026-12-04T00:00:00.000Z');
    expect(await lockout.failuresToday(NUMBER)).toBe(0);
    expect(await ask(RIGHT)).toMatchObject({ holderMatch: true });
    const rows = await db.run((manager): Promise<unknown> =>
      manager.query('SELECT day FROM verify_holder_check_failures'),
    );
    expect(rows).toEqual([{ day: '2026-12-04' }]);
  });

  it('answers holderMatch null with a reason for a certificate without a code, and counts nothing', async () => {
    for (let i = 0; i < 6; i += 1) {
      expect(await ask(RIGHT, OLD_NUMBER)).toEqual({
        certificateNumber: OLD_NUMBER,
        holderMatch: null,
        holderMatchReason: { code: 'NO_VERIFICATION_CODE', message: expect.any(String) as unknown },
      });
    }
    expect(await lockout.failuresToday(OLD_NUMBER)).toBe(0);
  });

  it('gives the slot back when the certificate cannot be read (unknown number, outage)', async () => {
    const unknown = check.ask(NUMBER, WRONG, direct, () =>
      Promise.reject(new NotFoundError('no such certificate')),
    );
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    expect(await lockout.failuresToday(NUMBER)).toBe(0);
  });

  it('never lets concurrent guesses past the limit', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => ask()));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(await lockout.failuresToday(NUMBER)).toBe(5);
  });
});
