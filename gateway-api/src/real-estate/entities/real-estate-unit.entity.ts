import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/** A holder as the public state shows it: masked name and salted ID hash, never the name or ID. */
export interface IndexedHolder {
  readonly maskedName: string;
  readonly idHash: string;
  readonly share: string | null;
}

/**
 * The latest state of each unit (不动产单元), from the `unit` of its last RealEstateRegistered event.
 * Holders are kept as JSON text (masked names and salted hashes only): they are shown, not searched.
 */
@Entity({ name: 're_units' })
export class RealEstateUnit {
  @PrimaryColumn({ name: 'unit_number', type: 'varchar', length: 28 })
  unitNumber!: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'title_certificate', type: 'varchar', length: 64, nullable: true })
  titleCertificate!: string | null;

  /** JSON array of IndexedHolder. */
  @Column({ name: 'holders', type: 'text' })
  holders!: string;

  @Column({ name: 'sequence', type: 'integer' })
  sequence!: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;

  @Column({ name: 'last_registration_id', type: 'varchar', length: 48 })
  lastRegistrationId!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;

  /** The unit's location (坐落), from its latest FIRST or CHANGE with particulars; null before. */
  @Column({ name: 'location', type: 'varchar', length: 400, nullable: true })
  location!: string | null;

  /** Floor area in m², exactly two decimals as the chaincode writes it ("89.50"). */
  @Column({ name: 'area_m2', type: 'varchar', length: 16, nullable: true })
  areaM2!: string | null;

  /** 住宅, 商业, 办公, 工业, 仓储, 车位 or 其他. */
  @Column({ name: 'usage', type: 'varchar', length: 16, nullable: true })
  usage!: string | null;
}
