import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';

import {
  type EventCheckpoint,
  LEDGER_EVENT_SOURCE,
  type LedgerEvent,
  type LedgerEventSource,
} from '../../ledger/ledger-events.port';
import {
  CHAINCODE_EVENT_STREAM,
  isProjected,
  lagInBlocks,
  readCheckpoint,
  writeCheckpoint,
} from '../checkpoint/checkpoints';
import { Database } from '../database/database';
import { ProjectorRegistry } from '../projection/projector-registry';
import { abortable, sleep } from './abortable';
import { backoffDelay, type BackoffOptions } from './backoff';

export interface IndexListenerOptions extends BackoffOptions {
  /** Start following the ledger when the application has started (off: only `start()` does). */
  readonly autoStart: boolean;
  /** The checkpoint row this listener owns. */
  readonly stream: string;
}

export const DEFAULT_INDEX_LISTENER_OPTIONS: IndexListenerOptions = {
  autoStart: true,
  stream: CHAINCODE_EVENT_STREAM,
  initialDelayMs: 250,
  maxDelayMs: 30_000,
};

/** Injection token of Partial<IndexListenerOptions>; IndexModule.register sets it. */
export const INDEX_LISTENER_OPTIONS = Symbol('INDEX_LISTENER_OPTIONS');

export type EventOutcome = 'projected' | 'no-projector' | 'already-projected';

/**
 * Keeps the off-chain index in step with the ledger, exactly once per event.
 *
 * For each event, one database transaction reads the checkpoint, runs the event's projector and
 * writes the event's position as the new checkpoint. Either all of it commits or none of it does, so:
 * a crash before the commit leaves neither rows nor checkpoint (the event is delivered again after the
 * restart and projected then); a crash after it leaves both (the source resumes after the event).
 * Nothing is kept in memory between events: every (re)connection starts from the checkpoint row,
 * which is why a fresh process resumes exactly where the last one committed.
 *
 * A failing source or projector rolls back the current event, closes the stream and reconnects after
 * a backoff, so the same event is tried again; a projector that always fails (say, a payload from a
 * newer chaincode) holds the index there, visible as growing lag, rather than skipping the event.
 */
@Injectable()
export class IndexListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IndexListener.name);
  private readonly options: IndexListenerOptions;
  #abort: AbortController | undefined;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    @Inject(LEDGER_EVENT_SOURCE) private readonly source: LedgerEventSource,
    private readonly projectors: ProjectorRegistry,
    @Optional() @Inject(INDEX_LISTENER_OPTIONS) options?: Partial<IndexListenerOptions>,
  ) {
    this.options = { ...DEFAULT_INDEX_LISTENER_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.start();
  }

  /** Stops before the database closes (Nest closes TypeORM later, in onApplicationShutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get running(): boolean {
    return this.#loop !== undefined;
  }

  /** Follows the ledger in the background until `stop()`; a second call does nothing. */
  start(): void {
    if (this.#loop !== undefined) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#loop = this.follow(abort.signal).finally(() => {
      this.#loop = undefined;
    });
  }

  /** Aborts the stream and waits for the event in hand to commit or roll back. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    await this.#loop;
  }

  /** The last projected event's position, from the database (the only place it is kept). */
  checkpoint(): Promise<EventCheckpoint | undefined> {
    return this.db.run((manager) => readCheckpoint(manager, this.options.stream));
  }

  /** Blocks the index is behind the ledger (see lagInBlocks); asks the peer for the height. */
  async lag(): Promise<number> {
    const [height, checkpoint] = await Promise.all([this.source.blockHeight(), this.checkpoint()]);
    return lagInBlocks(height, checkpoint);
  }

  /** Projects one event and moves the checkpoint past it, in one transaction. */
  async apply(event: LedgerEvent): Promise<EventOutcome> {
    const projector = this.projectors.get(event.eventName);
    const outcome = await this.db.transaction(async (manager): Promise<EventOutcome> => {
      const stored = await readCheckpoint(manager, this.options.stream, {
        forUpdate: this.db.kind === 'postgres',
      });
      if (isProjected(stored, event)) return 'already-projected';
      if (projector !== undefined) await projector.project(manager, event);
      await writeCheckpoint(manager, this.options.stream, event);
      return projector === undefined ? 'no-projector' : 'projected';
    });
    if (outcome !== 'projected') {
      this.logger.debug(
        `${outcome === 'no-projector' ? 'No projector for' : 'Already projected:'} ${event.eventName} ` +
          `in block ${event.blockNumber} transaction ${event.transactionId}; checkpoint advanced`,
      );
    }
    return outcome;
  }

  private async follow(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const after = await this.checkpoint();
        this.logger.log(
          after === undefined
            ? 'Following ledger events from the first block'
            : `Following ledger events after block ${after.blockNumber} transaction ${after.transactionId ?? '-'}`,
        );
        for await (const event of abortable(this.source.events(after, signal), signal)) {
          await this.apply(event);
          failures = 0;
        }
        if (signal.aborted) break;
        this.logger.warn('Ledger event stream ended; reconnecting');
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const delay = backoffDelay(failures, this.options);
        this.logger.warn(`Index listener failed (${describe(error)}); retrying in ${delay} ms`);
        await sleep(delay, signal);
        continue;
      }
      await sleep(this.options.initialDelayMs, signal);
    }
    this.logger.log('Stopped following ledger events');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
