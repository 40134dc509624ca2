import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';

import { IndexListener } from './index-listener';

/**
 * Where the sampled index gauges go; MetricsService (govtrace_index_lag_blocks,
 * govtrace_index_quarantined_events) fits as it is.
 */
export interface IndexLagSink {
  setIndexLag(blocks: number): void;
  /** Quarantined events by reason code (IndexListener.quarantined()). */
  setIndexQuarantinedEvents(byReason: ReadonlyMap<string, number>): void;
}

export const INDEX_LAG_SINK = Symbol('INDEX_LAG_SINK');

/** Often enough for a 15 s Prometheus scrape; each sample is one block-height query to the peer. */
export const INDEX_LAG_SAMPLE_INTERVAL_MS = 10_000;

/**
 * Feeds IndexListener.lag() and quarantined() to the sink every few seconds, when IndexModule was
 * given one. Sampling on a timer rather than per block keeps block-height queries and counts off the
 * projection path; the count comes from the database, so it survives restarts and sees other gateways
 * sharing the index.
 */
@Injectable()
export class IndexLagSampler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IndexLagSampler.name);
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly listener: IndexListener,
    @Optional() @Inject(INDEX_LAG_SINK) private readonly sink?: IndexLagSink,
  ) {}

  onApplicationBootstrap(): void {
    if (this.sink === undefined) return;
    void this.sample();
    this.#timer = setInterval(() => void this.sample(), INDEX_LAG_SAMPLE_INTERVAL_MS);
    this.#timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.#timer);
  }

  /**
   * One sample of each gauge; one that cannot be read (the peer or the database does not answer)
   * keeps its previous value, without holding back the other.
   */
  async sample(): Promise<void> {
    const sink = this.sink;
    if (sink === undefined) return;
    await Promise.all([
      this.listener.lag().then(
        (blocks) => sink.setIndexLag(blocks),
        (error: unknown) => this.logger.debug(`Index lag not sampled: ${String(error)}`),
      ),
      this.listener.quarantined().then(
        (byReason) => sink.setIndexQuarantinedEvents(byReason),
        (error: unknown) => this.logger.debug(`Quarantined events not counted: ${String(error)}`),
      ),
    ]);
  }
}
