import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../database/bigint.transformer';

/** The latest committed value of each smoke key: an upsert per SmokeValueWritten event. */
@Entity({ name: 'smoke_values' })
export class SmokeValue {
  @PrimaryColumn({ name: 'key', type: 'varchar', length: 64 })
  key!: string;

  /** Up to 4096 characters in any script, so text rather than varchar. */
  @Column({ name: 'value', type: 'text' })
  value!: string;

  /** The transaction timestamp the chaincode recorded, ISO-8601 UTC with milliseconds, as written. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;

  /** MSP id of the writer. */
  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
