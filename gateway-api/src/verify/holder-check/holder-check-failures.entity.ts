import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed public holder checks of one certificate on one UTC day, whatever the client address. Kept
 * in the gateway's database (not in memory) so every gateway sharing PostgreSQL sees one count, and
 * a restart does not hand out fresh guesses.
 */
@Entity({ name: 'verify_holder_check_failures' })
export class HolderCheckFailures {
  /** Canonical certificate number (half-width brackets). */
  @PrimaryColumn({ name: 'certificate_number', type: 'varchar', length: 128 })
  certificateNumber!: string;

  /** `YYYY-MM-DD`, UTC. */
  @PrimaryColumn({ name: 'day', type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'failures', type: 'integer' })
  failures!: number;
}
