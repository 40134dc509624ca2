import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import {
  type BlockEvent,
  LEDGER_EVENT_SOURCE,
  type LedgerBlock,
  type LedgerCheckpoint,
  type LedgerEventSource,
} from '../../ledger/ledger-events.port';
import {
  CHAINCODE_EVENT_STREAM,
  lagInBlocks,
  planBlock,
  readCheckpoint,
  writeBlockCheckpoint,
} from '../checkpoint/checkpoints';
import { Database } from '../database/database';
import { ProjectorRegistry } from '../projection/projector-registry';
import { countQuarantined, quarantineEvent, quarantineRow } from '../quarantine/quarantine';
import { abortable, sleep } from './abortable';
import { admit } from './admission';
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

/** What applying one block did. */
export interface BlockOutcome {
  /** False when the checkpoint already covered the block (a redelivery), which changed nothing. */
  readonly applied: boolean;
  /** Events handed to their projector. */
  readonly projected: number;
  /** Events set aside in index_quarantine (untrusted, or unreadable by their projector). */
  readonly quarantined: number;
  /** Events no projector handles (they only move the checkpoint with their block). */
  readonly withoutProjector: number;
  /**
   * Events the checkpoint already covered: the whole block for a redelivery, else those that an older
   * gateway's transaction checkpoint covers in its own block.
   */
  readonly skipped: number;
}

/** A block reached the listener that does not follow its checkpoint: the source skipped blocks. */
export class BlockGapError extends Error {
  override readonly name = 'BlockGapError';
}

/** A quarantined event, logged once its block has committed. */
interface Quarantined {
  readonly event: BlockEvent;
  readonly reason: string;
  readonly problem: string;
}

/**
 * Keeps the off-chain index in step with the ledger, exactly once per block.
 *
 * For each block, one database transaction reads the checkpoint, runs the projector of each of the
 * block's events in order and writes a block checkpoint naming the next block. Either all of it
 * commits or none of it does, so: a crash before the commit leaves neither rows nor checkpoint (the
 * block is delivered again after the restart and projected then); a crash after it leaves both (the
 * source resumes at the next block). Blocks without a govtrace event move the checkpoint too, so
 * the lag reaches 0. Nothing is kept in memory between blocks: every (re)connection starts from the
 * checkpoint row, which is why a fresh process resumes exactly where the last one committed.
 *
 * Before a projector writes, the event is checked against its transaction (checkTrust: the
 * responsible department endorsed and submitted it, and it wrote the record's keys). An event that
 * fails, or whose payload its projector cannot read, becomes an index_quarantine row instead, in the
 * same transaction as the block's other rows and checkpoint, and projection goes on.
 *
 * A failing source or database rolls back the current block, closes the stream and reconnects after
 * a backoff, so the same block is tried again: the database will answer again, while a payload that
 * could not be read (say, from a newer chaincode) would not be read on any retry, hence quarantined.
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

  /** Aborts the stream and waits for the block in hand to commit or roll back. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    await this.#loop;
  }

  /** How far the index has projected, from the database (the only place it is kept). */
  checkpoint(): Promise<LedgerCheckpoint | undefined> {
    return this.db.run((manager) => readCheckpoint(manager, this.options.stream));
  }

  /** Quarantined events by reason code, every known code included (0 when it has none). */
  quarantined(): Promise<Map<string, number>> {
    return this.db.run((manager) => countQuarantined(manager));
  }

  /** Blocks the index is behind the ledger (see lagInBlocks); asks the peer for the height. */
  async lag(): Promise<number> {
    const [height, checkpoint] = await Promise.all([this.source.blockHeight(), this.checkpoint()]);
    return lagInBlocks(height, checkpoint);
  }

  /**
   * Projects one block's events and moves the checkpoint past the block, in one transaction. A block
   * the checkpoint already covers changes nothing; one later than the checkpoint's next block throws
   * BlockGapError (nothing is written), so a source that skips blocks cannot move the index past them.
   */
  async applyBlock(block: LedgerBlock): Promise<BlockOutcome> {
    const quarantined: Quarantined[] = [];
    const outcome = await this.db.transaction(async (manager): Promise<BlockOutcome> => {
      const stored = await readCheckpoint(manager, this.options.stream, {
        forUpdate: this.db.kind === 'postgres',
      });
      const plan = planBlock(stored, block);
      if (plan.kind === 'already-projected') {
        return {
          applied: false,
          projected: 0,
          quarantined: 0,
          withoutProjector: 0,
          skipped: block.events.length,
        };
      }
      if (plan.kind === 'gap') {
        throw new BlockGapError(`received block ${block.blockNumber} while block ${plan.expected} is next`);
      }
      const projected = await this.project(manager, plan.events, quarantined);
      await writeBlockCheckpoint(manager, this.options.stream, block.blockNumber + 1n);
      return {
        applied: true,
        projected,
        quarantined: quarantined.length,
        withoutProjector: plan.events.length - projected - quarantined.length,
        skipped: plan.skipped,
      };
    });
    if (!outcome.applied) this.logger.debug(`Block ${block.blockNumber} already projected; nothing changed`);
    // after the commit, so each quarantined event is reported once however often its block was tried
    for (const { event, reason, problem } of quarantined) {
      this.logger.warn(
        `Quarantined ${event.eventName} in block ${event.blockNumber} transaction ${event.transactionId}: ` +
          `${reason}: ${problem}`,
      );
    }
    return outcome;
  }

  /**
   * Runs each event's projector in block order, or quarantines the event (adding it to `quarantined`);
   * answers how many were projected.
   */
  private async project(
    manager: EntityManager,
    events: readonly BlockEvent[],
    quarantined: Quarantined[],
  ): Promise<number> {
    let projected = 0;
    for (const event of events) {
      const projector = this.projectors.get(event.eventName);
      if (projector === undefined) {
        this.logger.debug(
          `No projector for ${event.eventName} in block ${event.blockNumber} transaction ${event.transactionId}`,
        );
        continue;
      }
      const admission = admit(projector, event);
      if (admission.kind === 'quarantine') {
        await quarantineEvent(manager, quarantineRow(event, admission.reason, admission.problem));
        quarantined.push({ event, reason: admission.reason, problem: admission.problem });
        continue;
      }
      await admission.projection.write(manager);
      projected += 1;
    }
    return projected;
  }

  private async follow(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const from = await this.checkpoint();
        this.logger.log(`Following ledger blocks from ${describeCheckpoint(from)}`);
        for await (const block of abortable(this.source.blocks(from, signal), signal)) {
          await this.applyBlock(block);
          failures = 0;
        }
        if (signal.aborted) break;
        this.logger.warn('Ledger block stream ended; reconnecting');
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
    this.logger.log('Stopped following ledger blocks');
  }
}

function describeCheckpoint(checkpoint: LedgerCheckpoint | undefined): string {
  if (checkpoint === undefined) return 'the first block';
  if (checkpoint.transactionId === undefined) return `block ${checkpoint.blockNumber}`;
  return `block ${checkpoint.blockNumber}, after its transaction ${checkpoint.transactionId}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
