import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * One row per deed-tax clearance, from its DeedTaxClearanceRecorded event: public facts only (no
 * transferee, not even the salted hashes: the count is enough for a list). Keyed as the tax definition
 * keys it, by unit and clearance number; the transaction id is unique, so a redelivered event is
 * recognised and changes nothing. Whether a TRANSFER used it is not stored here: the act names it
 * (re_acts.deed_tax_clearance_number) and the list joins, whichever of the two was projected first.
 */
@Entity({ name: 'tax_clearances' })
@Index('IDX_tax_clearances_tx_id', ['txId'], { unique: true })
@Index('IDX_tax_clearances_number', ['clearanceNumber'])
@Index('IDX_tax_clearances_recorded_at', ['recordedAt'])
@Index('IDX_tax_clearances_officer', ['officerMspId', 'officerName'])
export class TaxClearance {
  @PrimaryColumn({ name: 'unit_number', type: 'varchar', length: 28 })
  unitNumber!: string;

  /** The tax receipt number, which the TRANSFER names as its deedTaxClearanceNumber. */
  @PrimaryColumn({ name: 'clearance_number', type: 'varchar', length: 40 })
  clearanceNumber!: string;

  /** The unit's ownership generation the clearance is bound to. */
  @Column({ name: 'title_version', type: 'integer' })
  titleVersion!: number;

  @Column({ name: 'transferee_count', type: 'integer' })
  transfereeCount!: number;

  /** Whole fen; null for a clearance recorded by chaincode that did not record the amount. */
  @Column({ name: 'tax_paid_fen', type: 'bigint', nullable: true, transformer: bigintTransformer })
  taxPaidFen!: bigint | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt!: string;

  @Column({ name: 'officer_msp_id', type: 'varchar', length: 64 })
  officerMspId!: string;

  /** The officer's X.509 identity as the chaincode recorded it (subject and issuer). */
  @Column({ name: 'officer_id', type: 'text' })
  officerId!: string;

  /** The common name of the officer's certificate (the enrolled user, e.g. tax-officer); null if none. */
  @Column({ name: 'officer_name', type: 'varchar', length: 64, nullable: true })
  officerName!: string | null;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
