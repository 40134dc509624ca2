import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LessThan } from 'typeorm';

import { Database } from '../../index-db/database/database';
import { HolderCheckLockedError } from './holder-check-locked.error';
import { HolderCheckFailures } from './holder-check-failures.entity';
import { nextUtcMidnight, utcDay } from './utc-day';

export const HOLDER_CHECK_LOCKOUT_OPTIONS = Symbol('HolderCheckLockoutOptions');

export interface HolderCheckLockoutOptions {
  /** Failed checks of one certificate per UTC day; the next one is refused until 00:00 UTC. */
  readonly maxFailures: number;
  readonly now?: () => Date;
}

/** A slot for one holder check: the ledger may be asked; settle it with the outcome. */
export interface HolderCheckSlot {
  readonly certificateNumber: string;
  readonly day: string;
}

/**
 * The per-certificate lockout of the public holder check. A check first TAKES a slot, i.e. counts
 * itself as a failure in one atomic conditional update (`failures < max`), and gives it back when it
 * turns out not to be a failed guess (a match, no code issued, an error). Counting first means
 * concurrent guesses from many addresses and gateways can never exceed the limit: each needs its own
 * slot, and PostgreSQL re-evaluates the condition on the row it locked. A match gives back only its
 * own slot: it never resets the day's failures, so one right guess among many gains nothing.
 */
@Injectable()
export class HolderCheckLockout {
  readonly #now: () => Date;
  #purgedBefore = '';

  constructor(
    private readonly db: Database,
    @Inject(HOLDER_CHECK_LOCKOUT_OPTIONS) private readonly options: HolderCheckLockoutOptions,
  ) {
    this.#now = options.now ?? ((): Date => new Date());
  }

  /**
   * A slot for one check; 429 HolderCheckLockedError when the certificate's failures of today
   * reached the limit. Nothing else is asked then: the ledger never sees a locked certificate.
   */
  async take(certificateNumber: string): Promise<HolderCheckSlot> {
    const now = this.#now();
    const day = utcDay(now);
    const slot = await this.db.run(async (manager) => {
      await this.#purgeEarlierDays(manager, day);
      await manager
        .createQueryBuilder()
        .insert()
        .into(HolderCheckFailures)
        .values({ certificateNumber, day, failures: 0 })
        .orIgnore()
        .execute();
      const taken = await manager
        .createQueryBuilder()
        .update(HolderCheckFailures)
        .set({ failures: () => 'failures + 1' })
        .where('certificate_number = :certificateNumber AND day = :day AND failures < :max', {
          certificateNumber,
          day,
          max: this.options.maxFailures,
        })
        .execute();
      return taken.affected === 1 ? { certificateNumber, day } : undefined;
    });
    if (slot === undefined) throw new HolderCheckLockedError(nextUtcMidnight(now));
    return slot;
  }

  /** Gives the slot back: the check was not a failed guess. */
  giveBack(slot: HolderCheckSlot): Promise<void> {
    return this.db.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(HolderCheckFailures)
        .set({ failures: () => 'failures - 1' })
        .where('certificate_number = :certificateNumber AND day = :day AND failures > 0', slot)
        .execute();
    });
  }

  /** Today's failed checks of the certificate (for tests and operators). */
  failuresToday(certificateNumber: string): Promise<number> {
    const day = utcDay(this.#now());
    return this.db.run(async (manager) => {
      const row = await manager.getRepository(HolderCheckFailures).findOneBy({ certificateNumber, day });
      return row?.failures ?? 0;
    });
  }

  /** Yesterday's counts lock nothing any more: dropped once per day and process. */
  async #purgeEarlierDays(manager: EntityManager, today: string): Promise<void> {
    if (this.#purgedBefore === today) return;
    await manager.getRepository(HolderCheckFailures).delete({ day: LessThan(today) });
    this.#purgedBefore = today;
  }
}
