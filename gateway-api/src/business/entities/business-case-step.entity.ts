import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per completed step; the case's steps_done is the count of these. */
@Entity({ name: 'business_case_steps' })
export class BusinessCaseStep {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 24 })
  caseId!: string;

  @PrimaryColumn({ name: 'step', type: 'varchar', length: 16 })
  step!: string;

  @Column({ name: 'completed_at', type: 'varchar', length: 24 })
  completedAt!: string;

  @Column({ name: 'completed_by_msp', type: 'varchar', length: 64 })
  completedByMsp!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;
}
