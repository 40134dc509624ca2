import {
  type BlockEvent,
  type LedgerBlock,
  type LedgerCheckpoint,
  type LedgerEventSource,
  type TransactionOrigin,
} from '../../src/ledger/ledger-events.port';
import { emittingDefinition, trustworthyOrigin } from './trusted-origins';

/**
 * Where a connection starts, given a checkpoint:
 * - `exact`: as fabric-gateway does, at the checkpoint's block (a transaction checkpoint's block whole);
 * - `from-genesis`: ignores it and redelivers everything from block 0;
 * - `skip-one`: one block late, as a broken adapter might (the block at the checkpoint never comes).
 */
export type ResumeMode = 'exact' | 'from-genesis' | 'skip-one';

export interface NewEvent {
  readonly eventName: string;
  readonly payload: Uint8Array | string;
  readonly transactionId?: string;
  /** The definition that emitted it; by default the one that does on a correct network. */
  readonly chaincodeName?: string;
  /** Who signed, endorsed and wrote what; by default what our chaincode would (trustworthyOrigin). */
  readonly origin?: TransactionOrigin;
}

/**
 * A ledger in memory for the index's tests: blocks of chaincode events (empty blocks too), a stream
 * of blocks that starts at a checkpoint and then waits for new blocks, and switches to make it
 * misbehave (fail mid-stream, redeliver or skip blocks, ignore the abort signal, be unreachable).
 */
export class InMemoryEventSource implements LedgerEventSource {
  /** The checkpoint each `blocks()` call was given, in order. */
  readonly connections: (LedgerCheckpoint | undefined)[] = [];
  /** Every block handed to a consumer, redeliveries included. */
  readonly delivered: LedgerBlock[] = [];
  resumeMode: ResumeMode = 'exact';
  /** When true the stream does not watch the abort signal (a badly behaved adapter). */
  ignoreAbort = false;
  /** When set, `blocks()` and `blockHeight()` throw it (the peer is unreachable). */
  unreachable: Error | undefined;

  readonly #blocks: LedgerBlock[] = [];
  #failAfter: { remaining: number; error: Error } | undefined;
  #wakeUp: (() => void)[] = [];
  #txCounter = 0;

  /** Commits a block holding one transaction per event (no events: a block without govtrace events). */
  commitBlock(events: readonly NewEvent[] = []): LedgerBlock {
    const blockNumber = BigInt(this.#blocks.length);
    const block: LedgerBlock = {
      blockNumber,
      events: events.map((event): BlockEvent => {
        const unnamed = {
          blockNumber,
          transactionId: event.transactionId ?? `tx-${(this.#txCounter += 1).toString().padStart(6, '0')}`,
          eventName: event.eventName,
          payload:
            typeof event.payload === 'string' ? new TextEncoder().encode(event.payload) : event.payload,
        };
        const emitted = { ...unnamed, chaincodeName: event.chaincodeName ?? emittingDefinition(unnamed) };
        return { ...emitted, origin: event.origin ?? trustworthyOrigin(emitted) };
      }),
    };
    this.#blocks.push(block);
    for (const wake of this.#wakeUp.splice(0)) wake();
    return block;
  }

  allEvents(): BlockEvent[] {
    return this.#blocks.flatMap((block) => block.events);
  }

  /** The stream in use throws `error` after delivering `count` more blocks (then behaves again). */
  failAfter(count: number, error: Error = new Error('simulated stream failure')): void {
    this.#failAfter = { remaining: count, error };
  }

  blockHeight(): Promise<bigint> {
    if (this.unreachable !== undefined) return Promise.reject(this.unreachable);
    return Promise.resolve(BigInt(this.#blocks.length));
  }

  blocks(from: LedgerCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerBlock> {
    this.connections.push(from);
    if (this.unreachable !== undefined) throw this.unreachable;
    return this.stream(this.startBlock(from), signal);
  }

  private async *stream(start: number, signal: AbortSignal): AsyncGenerator<LedgerBlock> {
    let next = start;
    while (this.ignoreAbort || !signal.aborted) {
      const block = this.#blocks[next];
      if (block === undefined) {
        await this.nextBlock(signal);
        continue;
      }
      this.maybeFail();
      this.delivered.push(block);
      yield block;
      next += 1;
    }
  }

  private startBlock(from: LedgerCheckpoint | undefined): number {
    if (this.resumeMode === 'from-genesis') return 0;
    const block = Number(from?.blockNumber ?? 0n);
    return this.resumeMode === 'skip-one' ? block + 1 : block;
  }

  private maybeFail(): void {
    if (this.#failAfter === undefined) return;
    if (this.#failAfter.remaining === 0) {
      const { error } = this.#failAfter;
      this.#failAfter = undefined;
      throw error;
    }
    this.#failAfter.remaining -= 1;
  }

  private nextBlock(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#wakeUp.push(done);
      if (!this.ignoreAbort) signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** The payload the smoke contract emits: canonical JSON (sorted keys) of the stored record. */
export function smokePayload(key: string, value: string, updatedAt = '2026-03-01T08:00:00.000Z'): string {
  return JSON.stringify({ key, updatedAt, updatedBy: 'RegistryMSP', value });
}

/** Polls `condition` until it holds; fails the test with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
