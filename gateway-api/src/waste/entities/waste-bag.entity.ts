import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/** A commissioned bag (WasteBagsCommissioned): no household data, only what the public bag carries. */
@Entity({ name: 'waste_bags' })
@Index('IDX_waste_bags_batch', ['batchId'])
// the bag list by district and/or category, in barcode order (migration 1795478408000)
@Index('IDX_waste_bags_district_category', ['districtCode', 'category', 'barcode'])
@Index('IDX_waste_bags_category', ['category', 'barcode'])
export class WasteBagRow {
  @PrimaryColumn({ name: 'barcode', type: 'varchar', length: 18 })
  barcode!: string;

  /** Barcode of the first bag of its commissioning batch. */
  @Column({ name: 'batch_id', type: 'varchar', length: 18 })
  batchId!: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode!: string;

  @Column({ name: 'category', type: 'varchar', length: 2 })
  category!: string;

  @Column({ name: 'serial', type: 'integer' })
  serial!: number;

  @Column({ name: 'commissioned_at', type: 'varchar', length: 40 })
  commissionedAt!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
