import { type LedgerTransaction } from '../ledger/ledger-transactions.port';
import { judgeUnknownOutcome, type UnknownOutcomeVerdict } from './unknown-outcome';

const SINCE = '2026-12-03T09:00:00.000Z';
const LEASE_MS = 330_000;
const at = (offsetMs: number): Date => new Date(Date.parse(SINCE) + offsetMs);

function transaction(validationCode: string): LedgerTransaction {
  return {
    txId: 'a'.repeat(64),
    blockNumber: 12n,
    validationCode,
    timestamp: SINCE,
    creator: { mspId: 'RegistryMSP' },
    endorsers: ['RegistryMSP'],
    writes: new Map(),
    responsePayload: Buffer.from('{}'),
  };
}

describe('judgeUnknownOutcome', () => {
  const cases: [string, LedgerTransaction | undefined, number, UnknownOutcomeVerdict['kind'], string][] = [
    ['VALID at once', transaction('VALID'), 1_000, 'committed', ''],
    ['VALID long after the lease', transaction('VALID'), LEASE_MS * 10, 'committed', ''],
    [
      'MVCC_READ_CONFLICT',
      transaction('MVCC_READ_CONFLICT'),
      1_000,
      'rerun',
      'committed as MVCC_READ_CONFLICT',
    ],
    [
      'ENDORSEMENT_POLICY_FAILURE after the lease',
      transaction('ENDORSEMENT_POLICY_FAILURE'),
      LEASE_MS + 1,
      'rerun',
      'committed as ENDORSEMENT_POLICY_FAILURE',
    ],
    ['absent just after submitting', undefined, 0, 'pending', ''],
    ['absent a moment before the lease ends', undefined, LEASE_MS - 1, 'pending', ''],
    ['absent when the lease ends', undefined, LEASE_MS, 'rerun', 'absent from the ledger after the lease'],
    [
      'absent long after the lease',
      undefined,
      LEASE_MS * 10,
      'rerun',
      'absent from the ledger after the lease',
    ],
  ];

  it.each(cases)('%s → %#', (_label, found, offsetMs, kind, reason) => {
    const verdict = judgeUnknownOutcome({
      transaction: found,
      since: SINCE,
      now: at(offsetMs),
      leaseMs: LEASE_MS,
    });
    expect(verdict.kind).toBe(kind);
    if (verdict.kind === 'committed') expect(verdict.transaction).toBe(found);
    if (verdict.kind === 'rerun') expect(verdict.reason).toBe(reason);
  });

  it.each([
    [0, 2],
    [LEASE_MS - 1_500, 2],
    [LEASE_MS - 999, 1],
  ])('asks to retry after at most 2 s, never past the lease (at +%i ms → %i s)', (offsetMs, seconds) => {
    const verdict = judgeUnknownOutcome({
      transaction: undefined,
      since: SINCE,
      now: at(offsetMs),
      leaseMs: LEASE_MS,
    });
    expect(verdict).toEqual({ kind: 'pending', retryAfterSeconds: seconds });
  });
});
