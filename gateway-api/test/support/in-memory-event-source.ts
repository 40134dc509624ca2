import {
  type EventCheckpoint,
  type LedgerEvent,
  type LedgerEventSource,
} from '../../src/ledger/ledger-events.port';

/**
 * How a connection treats the checkpoint it is given:
 * - `exact`: as fabric-gateway does (from the checkpoint's block, after its transaction);
 * - `whole-block`: redelivers the checkpoint's whole block, earlier transactions included;
 * - `from-genesis`: ignores it and redelivers everything from block 0.
 */
export type ResumeMode = 'exact' | 'whole-block' | 'from-genesis';

export interface NewEvent {
  readonly eventName: string;
  readonly payload: Uint8Array | string;
  readonly transactionId?: string;
}

/**
 * A ledger in memory for the index's tests: blocks of chaincode events, a stream that resumes after
 * a checkpoint and then waits for new blocks, and switches to make it misbehave (fail mid-stream,
 * redeliver, ignore the abort signal).
 */
export class InMemoryEventSource implements LedgerEventSource {
  /** The checkpoint each `events()` call was given, in order. */
  readonly connections: (EventCheckpoint | undefined)[] = [];
  /** Every event handed to a consumer, redeliveries included. */
  readonly delivered: LedgerEvent[] = [];
  resumeMode: ResumeMode = 'exact';
  /** When true the stream does not watch the abort signal (a badly behaved adapter). */
  ignoreAbort = false;
  /** When set, `events()` and `blockHeight()` throw it (the peer is unreachable). */
  unreachable: Error | undefined;

  readonly #blocks: LedgerEvent[][] = [];
  #failAfter: { remaining: number; error: Error } | undefined;
  #wakeUp: (() => void)[] = [];
  #txCounter = 0;

  /** Commits a block holding one transaction per event (an empty list makes an empty block). */
  commitBlock(events: readonly NewEvent[] = []): LedgerEvent[] {
    const blockNumber = BigInt(this.#blocks.length);
    const block = events.map((event): LedgerEvent => ({
      blockNumber,
      transactionId: event.transactionId ?? `tx-${(this.#txCounter += 1).toString().padStart(6, '0')}`,
      chaincodeName: 'govtrace',
      eventName: event.eventName,
      payload: typeof event.payload === 'string' ? new TextEncoder().encode(event.payload) : event.payload,
    }));
    this.#blocks.push(block);
    for (const wake of this.#wakeUp.splice(0)) wake();
    return block;
  }

  allEvents(): LedgerEvent[] {
    return this.#blocks.flat();
  }

  /** The stream in use throws `error` after delivering `count` more events (then behaves again). */
  failAfter(count: number, error: Error = new Error('simulated stream failure')): void {
    this.#failAfter = { remaining: count, error };
  }

  blockHeight(): Promise<bigint> {
    if (this.unreachable !== undefined) return Promise.reject(this.unreachable);
    return Promise.resolve(BigInt(this.#blocks.length));
  }

  events(after: EventCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerEvent> {
    this.connections.push(after);
    if (this.unreachable !== undefined) throw this.unreachable;
    return this.stream(after, signal);
  }

  private async *stream(
    after: EventCheckpoint | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<LedgerEvent> {
    let position = this.startPosition(after);
    while (this.ignoreAbort || !signal.aborted) {
      const block = this.#blocks[position.block];
      if (block === undefined) {
        await this.nextBlock(signal);
        continue;
      }
      const event = block[position.index];
      if (event === undefined) {
        position = { block: position.block + 1, index: 0 };
        continue;
      }
      this.maybeFail();
      this.delivered.push(event);
      yield event;
      position = { block: position.block, index: position.index + 1 };
    }
  }

  private startPosition(after: EventCheckpoint | undefined): { block: number; index: number } {
    if (after === undefined || this.resumeMode === 'from-genesis') return { block: 0, index: 0 };
    const block = Number(after.blockNumber);
    if (this.resumeMode === 'whole-block' || after.transactionId === undefined) return { block, index: 0 };
    const index = (this.#blocks[block] ?? []).findIndex(
      (event) => event.transactionId === after.transactionId,
    );
    return { block, index: index + 1 };
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
