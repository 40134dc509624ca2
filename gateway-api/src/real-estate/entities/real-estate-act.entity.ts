import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * One row per registration act. The transaction id is unique: a Fabric transaction carries at most
 * one chaincode event, so a second row for it can only be a redelivery, which the projector skips.
 */
@Entity({ name: 're_acts' })
@Index('IDX_re_acts_tx_id', ['txId'], { unique: true })
@Index('IDX_re_acts_unit', ['unitNumber', 'sequence'])
@Index('IDX_re_acts_registered_at', ['registeredAt'])
@Index('IDX_re_acts_certificate', ['certificateNumber'])
@Index('IDX_re_acts_clerk_name', ['clerkName'])
@Index('IDX_re_acts_clearance', ['deedTaxClearanceNumber', 'unitNumber'])
export class RealEstateAct {
  /** `<unitNumber>-<8-digit sequence>`. */
  @PrimaryColumn({ name: 'registration_id', type: 'varchar', length: 48 })
  registrationId!: string;

  @Column({ name: 'unit_number', type: 'varchar', length: 28 })
  unitNumber!: string;

  @Column({ name: 'sequence', type: 'integer' })
  sequence!: number;

  @Column({ name: 'type', type: 'varchar', length: 24 })
  type!: string;

  @Column({ name: 'certificate_number', type: 'varchar', length: 64, nullable: true })
  certificateNumber!: string | null;

  /** The deed-tax clearance (tax receipt number) the act names: a TRANSFER's, from its public details. */
  @Column({ name: 'deed_tax_clearance_number', type: 'varchar', length: 40, nullable: true })
  deedTaxClearanceNumber!: string | null;

  /** The common name of the clerk's certificate (the enrolled user, e.g. registry-clerk); null if none. */
  @Column({ name: 'clerk_name', type: 'varchar', length: 64, nullable: true })
  clerkName!: string | null;

  @Column({ name: 'unit_status', type: 'varchar', length: 16 })
  unitStatus!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;

  @Column({ name: 'registered_at', type: 'varchar', length: 24 })
  registeredAt!: string;

  @Column({ name: 'clerk_msp_id', type: 'varchar', length: 64 })
  clerkMspId!: string;

  /** The clerk's X.509 identity as the chaincode recorded it (subject and issuer). */
  @Column({ name: 'clerk_id', type: 'text' })
  clerkId!: string;
}
