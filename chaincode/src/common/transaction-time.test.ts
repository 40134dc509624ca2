import { InMemoryLedger, identityForRole } from '../testing';
import { Roles } from './access';
import { transactionTime } from './transaction-time';

describe('transactionTime', () => {
  const ledger = new InMemoryLedger({ startTime: '2026-03-01T08:00:00.000Z' });
  const identity = identityForRole(Roles.RegistryClerk);

  it('is the transaction timestamp in ISO-8601 UTC', () => {
    const tx = ledger.newTransaction({ identity, timestamp: '2026-05-04T03:02:01.789Z' });
    expect(transactionTime(tx.ctx)).toBe('2026-05-04T03:02:01.789Z');
  });

  it('follows a timestamp set on the stub, not the clock', () => {
    const tx = ledger.newTransaction({ identity });
    tx.setTxTimestamp(new Date(Date.UTC(2030, 11, 31, 23, 59, 59, 999)));
    expect(transactionTime(tx.ctx)).toBe('2030-12-31T23:59:59.999Z');
  });

  it('truncates sub-millisecond precision instead of rounding into the next second', () => {
    const tx = ledger.newTransaction({ identity });
    const seconds = tx.getTxTimestamp().seconds;
    jest.spyOn(tx, 'getTxTimestamp').mockReturnValue({ seconds, nanos: 999_999_999 });
    expect(transactionTime(tx.ctx)).toMatch(/\.999Z$/);
  });

  it('rejects an out-of-range nanos field', () => {
    const tx = ledger.newTransaction({ identity });
    const seconds = tx.getTxTimestamp().seconds;
    jest.spyOn(tx, 'getTxTimestamp').mockReturnValue({ seconds, nanos: 1_000_000_000 });
    expect(() => transactionTime(tx.ctx)).toThrow(/invalid transaction timestamp/);
  });
});
