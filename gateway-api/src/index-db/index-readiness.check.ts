import { Injectable, Logger } from '@nestjs/common';

import { type CheckOutcome, type ReadinessCheck } from '../health/readiness-check';
import { Database } from './database/database';
import { IndexListener } from './listener/index-listener';

/** How long the check waits for the peer's block height; the health service gives a check 2 s in all. */
export const LAG_PROBE_TIMEOUT_MS = 1000;

/**
 * "index": up while the database answers `SELECT 1`. The lag is reported in the message but does
 * not make the gateway unready: a lagging index still serves writes and ledger reads, and the lag
 * also depends on Fabric, which has a check of its own.
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
    const lag = await withTimeout(this.listener.lag(), LAG_PROBE_TIMEOUT_MS).catch(() => undefined);
    return {
      up: true,
      message:
        lag === undefined ? 'database reachable; lag unknown' : `database reachable; ${lag} blocks behind`,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
