import { Inject, Injectable, Optional } from '@nestjs/common';

import { type Principal } from '../../auth/principal';
import { WasteService } from '../waste.service';

/** Injection token of the clock the load lists judge OVERDUE by; tests pin "now". */
export const WASTE_CLOCK = Symbol('WasteClock');
export type WasteClock = () => Date;

/** How long the ledger's deadline is reused: an inspector's change shows within a minute. */
export const DEADLINE_CACHE_MILLIS = 60_000;

/**
 * The arrival deadline in force (GetConfig's arrivalDeadlineMinutes) and "now", for telling an
 * OVERDUE load at query time. The configuration is the same for every caller, so one answer is
 * reused for a minute rather than asked of the ledger for every list page.
 */
@Injectable()
export class WasteArrivalDeadline {
  private cached: { minutes: number; until: number } | undefined;
  readonly now: WasteClock;

  constructor(
    private readonly waste: WasteService,
    @Optional() @Inject(WASTE_CLOCK) clock?: WasteClock,
  ) {
    this.now = clock ?? ((): Date => new Date());
  }

  /** The instant before which a load with no arrived bag is OVERDUE, as the index stores it (UTC ISO). */
  async overdueBefore(caller: Principal): Promise<string> {
    const now = this.now();
    const minutes = await this.minutes(caller, now.getTime());
    return new Date(now.getTime() - minutes * 60_000).toISOString();
  }

  private async minutes(caller: Principal, nowMillis: number): Promise<number> {
    if (this.cached !== undefined && nowMillis < this.cached.until) return this.cached.minutes;
    const { arrivalDeadlineMinutes } = await this.waste.config(caller);
    this.cached = { minutes: arrivalDeadlineMinutes, until: nowMillis + DEADLINE_CACHE_MILLIS };
    return arrivalDeadlineMinutes;
  }
}
