import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { RegistrationColumns } from './registration-columns';

/** Registered bins at stations (WasteBinRegistered, then WasteBinRetired); migration 1795478410000. */
@Entity({ name: 'waste_bins' })
@Index('IDX_waste_bins_site', ['siteId', 'binId'])
@Index('IDX_waste_bins_status', ['status', 'binId'])
export class WasteBinRow extends RegistrationColumns {
  @PrimaryColumn({ name: 'bin_id', type: 'varchar', length: 64 })
  binId!: string;

  @Column({ name: 'site_id', type: 'varchar', length: 64 })
  siteId!: string;

  @Column({ name: 'rfid_tag', type: 'varchar', length: 24 })
  rfidTag!: string;

  @Column({ name: 'category', type: 'varchar', length: 2 })
  category!: string;
}
