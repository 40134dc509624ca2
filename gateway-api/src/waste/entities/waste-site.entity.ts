import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/** Registered sites (WasteSiteRegistered); write-once on the ledger, so one insert per site. */
@Entity({ name: 'waste_sites' })
// a district's sites, for district filters and totals (migration 1795478408000)
@Index('IDX_waste_sites_district', ['districtCode'])
export class WasteSiteRow {
  @PrimaryColumn({ name: 'site_id', type: 'varchar', length: 64 })
  siteId!: string;

  @Column({ name: 'kind', type: 'varchar', length: 16 })
  kind!: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode!: string;

  @Column({ name: 'name', type: 'varchar', length: 400 })
  name!: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 24 })
  registeredAt!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
