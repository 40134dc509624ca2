import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';

import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

const MAX_PURGE_INTERVAL_MS = 3600_000;

/**
 * Deletes expired idempotency records now and then. Expired records are already ignored by claims;
 * this only keeps the table from growing without bound.
 */
@Injectable()
export class IdempotencyJanitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyJanitor.name);
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Math.min(this.options.ttlSeconds * 1000, MAX_PURGE_INTERVAL_MS);
    this.#timer = setInterval(() => void this.purge(), interval);
    this.#timer.unref(); // never the reason the process stays alive
  }

  /** Every onModuleDestroy runs before TypeORM closes the database (in onApplicationShutdown). */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  async purge(): Promise<void> {
    if (this.#running !== undefined) return;
    this.#running = this.store
      .purgeExpired()
      .then((count) => {
        if (count > 0) this.logger.debug(`Purged ${count} expired idempotency records`);
      })
      .catch((error: unknown) => this.logger.warn(`Purging idempotency records failed: ${String(error)}`))
      .finally(() => {
        this.#running = undefined;
      });
    await this.#running;
  }
}
