import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../database/bigint.transformer';

/**
 * How far the index has projected a stream, with fabric-gateway's Checkpoint semantics (see
 * LedgerCheckpoint): `transaction_id` NULL means every block before `block_number` is projected
 * (what the listener writes after each block); a transaction id, written by gateways that followed
 * chaincode events, means `block_number` is projected up to and including that transaction. It is
 * written in the same database transaction as the block's rows, which is what makes the projection
 * exactly-once (see IndexListener).
 */
@Entity({ name: 'index_checkpoints' })
export class IndexCheckpoint {
  /** Which stream this is the position of (one row per stream, e.g. `chaincode-events`). */
  @PrimaryColumn({ name: 'stream', type: 'varchar', length: 64 })
  stream!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;

  @Column({ name: 'transaction_id', type: 'varchar', length: 128, nullable: true })
  transactionId!: string | null;

  /** ISO-8601 UTC, when the row was last written; for operators, nothing reads it. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}
