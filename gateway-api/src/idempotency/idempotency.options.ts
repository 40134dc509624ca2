/** Settings of the idempotency store; IdempotencyModule builds them from the environment. */
export interface IdempotencyOptions {
  /** How long an answer is replayed (IDEMPOTENCY_TTL_SECONDS); an expired record is ignored and replaced. */
  readonly ttlSeconds: number;
  /**
   * How long a request may hold its key IN_PROGRESS. A gateway killed mid-request never completes
   * or releases its record; after the lease the key may be claimed again, so the client's retry is
   * not refused as "in progress" for the whole TTL. It must exceed the longest a request can run
   * (idempotencyLeaseSeconds), so a live request is never overtaken.
   */
  readonly leaseSeconds?: number;
  /** The clock; tests move it. */
  readonly now?: () => Date;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

/** The longest one write can take: every Fabric deadline, once per attempt (first try and MVCC retries), plus a margin. */
export function idempotencyLeaseSeconds(fabric: {
  endorseMs: number;
  submitMs: number;
  commitStatusMs: number;
  commitRetries: number;
}): number {
  const attemptMs = fabric.endorseMs + fabric.submitMs + fabric.commitStatusMs;
  return Math.ceil((attemptMs * (1 + fabric.commitRetries)) / 1000) + 10;
}
