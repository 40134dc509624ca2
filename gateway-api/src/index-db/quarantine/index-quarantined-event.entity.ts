import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../database/bigint.transformer';

/**
 * An event the index set aside instead of projecting: it failed the trust check, or its projector
 * could not read it. Written in the transaction of the event's block, with the block's checkpoint,
 * so the row exists exactly when the block counts as projected; keyed by (transaction, event name),
 * so a block projected again adds no second row.
 */
@Entity({ name: 'index_quarantine' })
export class IndexQuarantinedEvent {
  @PrimaryColumn({ name: 'transaction_id', type: 'varchar', length: 128 })
  transactionId!: string;

  @PrimaryColumn({ name: 'event_name', type: 'varchar', length: 128 })
  eventName!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;

  /** The chaincode (namespace) that emitted the event. */
  @Column({ name: 'chaincode', type: 'varchar', length: 128 })
  chaincode!: string;

  /** A QuarantineReasons code. */
  @Column({ name: 'reason_code', type: 'varchar', length: 32 })
  reasonCode!: string;

  /** What failed, for an operator. */
  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** The payload's first bytes (up to MAX_QUARANTINED_PAYLOAD_BYTES), base64: the ledger keeps the rest. */
  @Column({ name: 'payload_base64', type: 'text' })
  payloadBase64!: string;

  /** The whole payload's size in bytes; larger than the stored bytes when they were cut. */
  @Column({ name: 'payload_size', type: 'integer' })
  payloadSize!: number;

  /** ISO-8601 UTC, when the gateway set the event aside. */
  @Column({ name: 'quarantined_at', type: 'varchar', length: 24 })
  quarantinedAt!: string;
}
