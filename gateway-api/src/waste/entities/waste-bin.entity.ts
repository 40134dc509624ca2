import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/** Registered bins at stations (WasteBinRegistered, then WasteBinRetired); migration 1795478410000. */
@Entity({ name: 'waste_bins' })
@Index('IDX_waste_bins_site', ['siteId', 'binId'])
@Index('IDX_waste_bins_status', ['status', 'binId'])
export class WasteBinRow {
  @PrimaryColumn({ name: 'bin_id', type: 'varchar', length: 64 })
  binId!: string;

  @Column({ name: 'site_id', type: 'varchar', length: 64 })
  siteId!: string;

  @Column({ name: 'rfid_tag', type: 'varchar', length: 24 })
  rfidTag!: string;

  @Column({ name: 'category', type: 'varchar', length: 2 })
  category!: string;

  /** ACTIVE or RETIRED. */
  @Column({ name: 'status', type: 'varchar', length: 8 })
  status!: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 24 })
  registeredAt!: string;

  @Column({ name: 'retired_at', type: 'varchar', length: 24, nullable: true })
  retiredAt!: string | null;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
