import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * One row per business opening case, i.e. per enterprise (a USCC opens exactly one case). Serves the
 * clerk's case list and the enterprise search. Timestamps are ISO-8601 UTC strings (compare as text).
 */
@Entity({ name: 'business_cases' })
@Index('IDX_business_cases_status_opened', ['status', 'openedAt'])
@Index('IDX_business_cases_normalised_name', ['normalisedName'])
@Index('IDX_business_cases_uscc', ['uscc'])
// the case list's order and opening-day range (migration 1795478408000)
@Index('IDX_business_cases_opened', ['openedAt', 'caseId'])
export class BusinessCase {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 24 })
  caseId!: string;

  @Column({ name: 'uscc', type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  /** The chaincode's normalised name (width, spaces, Latin case folded): the prefix search key. */
  @Column({ name: 'normalised_name', type: 'varchar', length: 200 })
  normalisedName!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType!: string;

  /** OPEN until all six steps are projected, then COMPLETED. */
  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'steps_done', type: 'integer' })
  stepsDone!: number;

  @Column({ name: 'opened_at', type: 'varchar', length: 24 })
  openedAt!: string;

  @Column({ name: 'completed_at', type: 'varchar', length: 24, nullable: true })
  completedAt!: string | null;

  /**
   * The last instant the case is within the half-working-day target, computed with the calendar
   * configured when the case was projected; null when the calendar gives no such instant.
   */
  @Column({ name: 'target_deadline', type: 'varchar', length: 24, nullable: true })
  targetDeadline!: string | null;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
