import { type LedgerTransaction } from '../ledger/ledger-transactions.port';

/**
 * What a retry does with a request whose first transaction went out but was never confirmed
 * (record UNKNOWN_OUTCOME), once the ledger has been asked about its txId:
 *
 *   found, VALID                     → 'committed': the first attempt wrote; answer as it would have
 *   found, any other validation code → 'rerun': the first attempt changed nothing; run the request afresh
 *   not found, record younger than the lease → 'pending': it may still commit; 503 with Retry-After
 *   not found, record older than the lease   → 'rerun': it never will (see below)
 *
 * Fabric transactions have no expiry, so "never will" is a judgement: the lease is the longest one
 * write can run (every Fabric deadline, once per attempt, plus a margin; idempotencyLeaseSeconds),
 * at least the submit and commit-status deadlines over again, and far beyond the ordering service's
 * batch timeout (2 s). A transaction the orderer accepted is in a block and on the peers well within
 * that time; one it lost (a crash, a leader change before ordering) never appears. The look-up itself
 * must succeed for any of this: a failed look-up is never "not found" (the caller answers 503).
 */
export type UnknownOutcomeVerdict =
  | { readonly kind: 'committed'; readonly transaction: LedgerTransaction }
  | { readonly kind: 'rerun'; readonly reason: string }
  | { readonly kind: 'pending'; readonly retryAfterSeconds: number };

/** How long a client is told to wait while the transaction may still arrive. */
export const PENDING_RETRY_AFTER_SECONDS = 2;

export function judgeUnknownOutcome(input: {
  /** The look-up's answer: undefined when the ledger has no transaction with this id. */
  readonly transaction: LedgerTransaction | undefined;
  /** When the attempt that submitted it started (ISO-8601). */
  readonly since: string;
  readonly now: Date;
  readonly leaseMs: number;
}): UnknownOutcomeVerdict {
  const { transaction, since, now, leaseMs } = input;
  if (transaction !== undefined) {
    return transaction.validationCode === 'VALID'
      ? { kind: 'committed', transaction }
      : { kind: 'rerun', reason: `committed as ${transaction.validationCode}` };
  }
  const givesUpAt = Date.parse(since) + leaseMs;
  if (now.getTime() >= givesUpAt) return { kind: 'rerun', reason: 'absent from the ledger after the lease' };
  const remainingSeconds = Math.ceil((givesUpAt - now.getTime()) / 1000);
  return { kind: 'pending', retryAfterSeconds: Math.min(PENDING_RETRY_AFTER_SECONDS, remainingSeconds) };
}
