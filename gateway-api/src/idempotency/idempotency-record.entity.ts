import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * IN_PROGRESS: a request holds the key. COMPLETED: its answer is stored for replay. UNKNOWN_OUTCOME:
 * its transaction `txId` went to the orderer but the commit was never confirmed (503); a retry looks
 * the transaction up before anything else happens (unknown-outcome.ts).
 */
export const IDEMPOTENCY_STATES = ['IN_PROGRESS', 'COMPLETED', 'UNKNOWN_OUTCOME'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/**
 * The first answer to a request sent with an Idempotency-Key, kept for replay. Keys are scoped by
 * user, so two clients choosing the same key never see each other's answers. Timestamps are
 * ISO-8601 UTC strings: fixed width, so they compare correctly as text on SQLite and PostgreSQL alike.
 */
@Entity({ name: 'idempotency_records' })
@Index('IDX_idempotency_records_expires_at', ['expiresAt'])
export class IdempotencyRecord {
  /** The principal's user name; '' for anonymous requests. */
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 128 })
  userId!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 128 })
  key!: string;

  /**
   * Random id of the request that owns the record. Completing or releasing is conditional on it, so
   * a slow request whose expired record was taken over by a newer one cannot overwrite the newer
   * answer.
   */
  @Column({ name: 'attempt_id', type: 'varchar', length: 36 })
  attemptId!: string;

  @Column({ name: 'state', type: 'varchar', length: 16 })
  state!: IdempotencyState;

  // the request fingerprint: a retry must be the same request, not merely the same key

  @Column({ name: 'request_method', type: 'varchar', length: 16 })
  requestMethod!: string;

  @Column({ name: 'request_path', type: 'text' })
  requestPath!: string;

  /** SHA-256 (hex) of the canonical JSON of the request body. */
  @Column({ name: 'body_sha256', type: 'varchar', length: 64 })
  bodySha256!: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  /** The response body as JSON text; null while in progress or when the answer had no body. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  /** The transaction whose outcome is unknown (UNKNOWN_OUTCOME only). */
  @Column({ name: 'tx_id', type: 'varchar', length: 64, nullable: true })
  txId!: string | null;

  /** When the current attempt started: a restarted request resets it, a retry that only looks up does not. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt!: string;
}
