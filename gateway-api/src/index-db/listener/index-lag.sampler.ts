import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';

import { IndexListener } from './index-listener';

/** Where the sampled lag goes; MetricsService (setIndexLag → govtrace_index_lag_blocks) fits as it is. */
export interface IndexLagSink {
  setIndexLag(blocks: number): void;
}

export const INDEX_LAG_SINK = Symbol('INDEX_LAG_SINK');

/** Often enough for a 15 s Prometheus scrape; each sample is one block-height query to the peer. */
export const INDEX_LAG_SAMPLE_INTERVAL_MS = 10_000;

/**
 * Feeds IndexListener.lag() to the sink every few seconds, when IndexModule was given one. Sampling
 * on a timer rather than per event keeps block-height queries off the projection path.
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

  /** One sample; when the peer or the database cannot answer, the previous value stands. */
  async sample(): Promise<void> {
    if (this.sink === undefined) return;
    try {
      this.sink.setIndexLag(await this.listener.lag());
    } catch (error) {
      this.logger.debug(`Index lag not sampled: ${String(error)}`);
    }
  }
}
