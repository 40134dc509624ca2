import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every certificate issued, with its current status (ACTIVE, SUPERSEDED, CANCELLED). */
@Entity({ name: 're_certificates' })
@Index('IDX_re_certificates_unit', ['unitNumber'])
@Index('IDX_re_certificates_issued_at', ['issuedAt'])
export class RealEstateCertificate {
  /** Canonical form (half-width brackets), as the chaincode stores it. */
  @PrimaryColumn({ name: 'certificate_number', type: 'varchar', length: 64 })
  certificateNumber!: string;

  /** TITLE (不动产权) or REGISTRATION (不动产证明). */
  @Column({ name: 'kind', type: 'varchar', length: 16 })
  kind!: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'unit_number', type: 'varchar', length: 28 })
  unitNumber!: string;

  @Column({ name: 'registration_id', type: 'varchar', length: 48 })
  registrationId!: string;

  /** hex SHA-256 of the certificate's canonical content, as the chaincode computed it. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'issued_at', type: 'varchar', length: 24 })
  issuedAt!: string;

  @Column({ name: 'status_changed_at', type: 'varchar', length: 24, nullable: true })
  statusChangedAt!: string | null;
}
