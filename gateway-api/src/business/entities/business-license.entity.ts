import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The business licence of an enterprise, from its LICENSE step on; status ACTIVE, CANCELLED or REVOKED. */
@Entity({ name: 'business_licenses' })
// the licence list by status, in its order (migration 1795478408000)
@Index('IDX_business_licenses_status', ['status', 'uscc'])
export class BusinessLicense {
  @PrimaryColumn({ name: 'uscc', type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 24 })
  caseId!: string;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'established_at', type: 'varchar', length: 24 })
  establishedAt!: string;

  @Column({ name: 'status_changed_at', type: 'varchar', length: 24, nullable: true })
  statusChangedAt!: string | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;
}
