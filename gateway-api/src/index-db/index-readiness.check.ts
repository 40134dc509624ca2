import { Injectable, Logger } from '@nestjs/common';

import { type CheckOutcome, type ReadinessCheck } from '../health/readiness-check';
import { Database } from './database/database';
import { IndexListener } from './listener/index-listener';

/** How long the check waits for the peer's block height; the health service gives a check 2 s in all. */
export const LAG_PROBE_TIMEOUT_MS = 1000;

/**
 * "index": up while the database answers `SELECT 1`. The lag and the number of quarantined events are
 * reported in the message but do not make the gateway unready: a lagging index still serves writes
 * and ledger reads, and the lag also depends on Fabric, which has a check of its own; a quarantined
 * event is one record the index declined to trust, an alert for an operator (see /metrics), not an
 * outage, and taking the gateway out of service would not bring it back.
 */
@Injectable()
export class IndexReadinessCheck implements ReadinessCheck {
  readonly name = 'index';
  private readonly logger = new Logger(IndexReadinessCheck.name);

  constructor(
    private readonly db: Database,
    private readonly listener: IndexListener,
  ) {}

  async check(): Promise<CheckOutcome> {
    try {
      await this.db.ping();
    } catch (error) {
      this.logger.warn(`Index database unreachable: ${String(error)}`);
      return { up: false, message: 'database unreachable' };
    }
    const [lag, quarantined] = await Promise.all([
      withTimeout(this.listener.lag(), LAG_PROBE_TIMEOUT_MS).catch(() => undefined),
      // a count waits behind the block being projected on SQLite: bounded like the lag
      withTimeout(this.listener.quarantined(), LAG_PROBE_TIMEOUT_MS).catch(() => undefined),
    ]);
    return {
      up: true,
      message: `database reachable; ${describeLag(lag)}; ${describeQuarantine(quarantined)}`,
    };
  }
}

function describeLag(lag: number | undefined): string {
  return lag === undefined ? 'lag unknown' : `${lag} blocks behind`;
}

function describeQuarantine(byReason: ReadonlyMap<string, number> | undefined): string {
  if (byReason === undefined) return 'quarantine unknown';
  const total = [...byReason.values()].reduce((sum, count) => sum + count, 0);
  return `${total} ${total === 1 ? 'event' : 'events'} quarantined`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
