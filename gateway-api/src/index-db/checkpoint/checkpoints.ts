import { type EntityManager } from 'typeorm';

import { type EventCheckpoint, type LedgerEvent } from '../../ledger/ledger-events.port';
import { IndexCheckpoint } from './index-checkpoint.entity';

/** The stream of the channel's govtrace chaincode events, the only one the index follows today. */
export const CHAINCODE_EVENT_STREAM = 'chaincode-events';

export interface ReadOptions {
  /**
   * Lock the row until the transaction ends (PostgreSQL `SELECT … FOR UPDATE`), so two gateways
   * sharing one database project an event one after the other rather than both at once. SQLite
   * locks the whole database for a writing transaction and has no row locks.
   */
  readonly forUpdate?: boolean;
}

export async function readCheckpoint(
  manager: EntityManager,
  stream: string,
  options: ReadOptions = {},
): Promise<EventCheckpoint | undefined> {
  const row = await manager.getRepository(IndexCheckpoint).findOne({
    where: { stream },
    ...(options.forUpdate === true && { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (row === null) return undefined;
  return row.transactionId === null
    ? { blockNumber: row.blockNumber }
    : { blockNumber: row.blockNumber, transactionId: row.transactionId };
}

export async function writeCheckpoint(
  manager: EntityManager,
  stream: string,
  event: Pick<LedgerEvent, 'blockNumber' | 'transactionId'>,
  now: Date = new Date(),
): Promise<void> {
  await manager.upsert(
    IndexCheckpoint,
    {
      stream,
      blockNumber: event.blockNumber,
      transactionId: event.transactionId,
      updatedAt: now.toISOString(),
    },
    ['stream'],
  );
}

/**
 * True when the checkpoint shows the event as projected already: it lies in an earlier block, or it
 * is the checkpointed transaction itself. An earlier transaction of the checkpoint's own block cannot
 * be told from a later one by its id, so such a redelivery reaches the projector, which recognises
 * the transaction id (the projector contract).
 */
export function isProjected(
  checkpoint: EventCheckpoint | undefined,
  event: Pick<LedgerEvent, 'blockNumber' | 'transactionId'>,
): boolean {
  if (checkpoint === undefined) return false;
  return (
    event.blockNumber < checkpoint.blockNumber ||
    (event.blockNumber === checkpoint.blockNumber && event.transactionId === checkpoint.transactionId)
  );
}

/**
 * Blocks committed after the checkpoint's block: the last block number (height − 1) minus the
 * checkpoint's block; with no checkpoint, every block. Blocks without govtrace events (configuration
 * blocks, invalid transactions) count until the next event moves the checkpoint past them, so this
 * is an upper bound that reaches 0 whenever the newest block carried an event.
 */
export function lagInBlocks(blockHeight: bigint, checkpoint: EventCheckpoint | undefined): number {
  const lastBlock = blockHeight - 1n;
  const projected = checkpoint?.blockNumber ?? -1n;
  return lastBlock > projected ? Number(lastBlock - projected) : 0;
}
