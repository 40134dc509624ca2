import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../database/bigint.transformer';

/**
 * One row per SmokeValueWritten event ever projected. The transaction id is the primary key: a
 * Fabric transaction carries at most one chaincode event, so a second row for the same id can only
 * be a redelivery, which the projector recognises and ignores (and the key would refuse anyway).
 */
@Entity({ name: 'smoke_value_events' })
@Index('IDX_smoke_value_events_key', ['key'])
export class SmokeValueEvent {
  @PrimaryColumn({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'key', type: 'varchar', length: 64 })
  key!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
