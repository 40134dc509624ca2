import { type EntityManager } from 'typeorm';

import { type BlockEvent, type LedgerBlock, type LedgerCheckpoint } from '../../ledger/ledger-events.port';
import { IndexCheckpoint } from './index-checkpoint.entity';

/**
 * The row of the channel's govtrace events, the only stream the index follows today. The name is
 * from when the index followed chaincode events; the row now holds block checkpoints, and keeping
 * the name lets an existing database resume from its old transaction checkpoint.
 */
export const CHAINCODE_EVENT_STREAM = 'chaincode-events';

export interface ReadOptions {
  /**
   * Lock the row until the transaction ends (PostgreSQL `SELECT … FOR UPDATE`), so two gateways
   * sharing one database project a block one after the other rather than both at once. SQLite
   * locks the whole database for a writing transaction and has no row locks.
   */
  readonly forUpdate?: boolean;
}

export async function readCheckpoint(
  manager: EntityManager,
  stream: string,
  options: ReadOptions = {},
): Promise<LedgerCheckpoint | undefined> {
  const row = await manager.getRepository(IndexCheckpoint).findOne({
    where: { stream },
    ...(options.forUpdate === true && { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (row === null) return undefined;
  return row.transactionId === null
    ? { blockNumber: row.blockNumber }
    : { blockNumber: row.blockNumber, transactionId: row.transactionId };
}

/** Stores "every block before `nextBlock` is projected" (a block checkpoint: no transaction id). */
export async function writeBlockCheckpoint(
  manager: EntityManager,
  stream: string,
  nextBlock: bigint,
  now: Date = new Date(),
): Promise<void> {
  await manager.upsert(
    IndexCheckpoint,
    { stream, blockNumber: nextBlock, transactionId: null, updatedAt: now.toISOString() },
    ['stream'],
  );
}

/** What to do with a delivered block, given the stored checkpoint. */
export type BlockPlan =
  /** The checkpoint already covers the whole block (a redelivery): change nothing. */
  | { readonly kind: 'already-projected' }
  /**
   * Project `events` and checkpoint the block. `skipped` events come first in the block and are
   * covered by a transaction checkpoint (written by a gateway that followed chaincode events).
   */
  | { readonly kind: 'project'; readonly events: readonly BlockEvent[]; readonly skipped: number }
  /** The block is later than the next one the index needs: the source skipped blocks. */
  | { readonly kind: 'gap'; readonly expected: bigint };

/**
 * Decides how a delivered block relates to the checkpoint. The next block to project is the
 * checkpoint's `blockNumber` (block 0 without one): earlier blocks are done, later ones cannot be
 * projected before it. In the block of a transaction checkpoint the events up to and including its
 * transaction are done; if that transaction is not among the block's events (it should always be),
 * every event is projected, and the projectors' own recognition of a transaction id they have
 * projected keeps that exactly-once.
 */
export function planBlock(checkpoint: LedgerCheckpoint | undefined, block: LedgerBlock): BlockPlan {
  const expected = checkpoint?.blockNumber ?? 0n;
  if (block.blockNumber < expected) return { kind: 'already-projected' };
  if (block.blockNumber > expected) return { kind: 'gap', expected };
  const lastDone =
    checkpoint?.transactionId === undefined
      ? -1
      : block.events.findIndex((event) => event.transactionId === checkpoint.transactionId);
  return { kind: 'project', events: block.events.slice(lastDone + 1), skipped: lastDone + 1 };
}

/**
 * Blocks the index is behind the channel: the height (the number of the next block the channel will
 * commit) minus the next block the index will project. A block checkpoint N names that block, so
 * the lag is 0 once the newest block is projected, whether or not it held a govtrace event. A
 * transaction checkpoint (b, t) counts block b as projected, as before; with no checkpoint every
 * block counts. Never negative: the peer asked may be behind the database.
 */
export function lagInBlocks(blockHeight: bigint, checkpoint: LedgerCheckpoint | undefined): number {
  const next =
    checkpoint === undefined
      ? 0n
      : checkpoint.transactionId === undefined
        ? checkpoint.blockNumber
        : checkpoint.blockNumber + 1n;
  return blockHeight > next ? Number(blockHeight - next) : 0;
}
