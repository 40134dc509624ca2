/** Settings of the idempotency store; IdempotencyModule builds them from the environment. */
export interface IdempotencyOptions {
  /** How long an answer is replayed (IDEMPOTENCY_TTL_SECONDS); an expired record is ignored and replaced. */
  readonly ttlSeconds: number;
  /** The clock; tests move it. */
  readonly now?: () => Date;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
