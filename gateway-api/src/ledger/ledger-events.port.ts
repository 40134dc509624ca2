/**
 * The index's view of the ledger: the channel's blocks in order, each reduced to the govtrace
 * chaincode events of its valid transactions, resumable from a checkpoint. Fabric (fabric-gateway's
 * getBlockEvents) is the adapter; tests of the index may use an in-memory source.
 */
export interface LedgerEvent {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly chaincodeName: string;
  readonly eventName: string;
  readonly payload: Uint8Array;
}

/**
 * What the ledger says about the transaction that emitted an event, beyond the event itself: who
 * signed it, who endorsed it and which public keys it wrote. The index checks it against the event
 * before projecting (src/index-db/trust: the responsible department endorsed and submitted it, and it
 * wrote the record's keys).
 */
export interface TransactionOrigin {
  /** MSP of the transaction's creator (the identity that signed the proposal). */
  readonly creatorMspId: string;
  /** The creator certificate's `govtrace.role` attribute; absent without one (or for a non-X.509 identity). */
  readonly creatorRole?: string;
  /** MSPs of the endorsing peers, sorted, each once. */
  readonly endorserMspIds: readonly string[];
  /** Public keys written or deleted, per namespace (chaincode name), in write-set order. */
  readonly writes: ReadonlyMap<string, readonly string[]>;
}

/** A chaincode event as a block delivers it: with the origin of its transaction. */
export interface BlockEvent extends LedgerEvent {
  readonly origin: TransactionOrigin;
}

/** One block of the channel: the events of its valid govtrace transactions, in order (often none). */
export interface LedgerBlock {
  readonly blockNumber: bigint;
  readonly events: readonly BlockEvent[];
}

/**
 * How far the index has projected, with fabric-gateway's Checkpoint semantics. Without
 * `transactionId` (a block checkpoint, what the index writes): every block before `blockNumber` is
 * projected, and `blockNumber` is the next one to read. With it (a transaction checkpoint, written
 * by gateways that followed chaincode events, still found in older databases): block `blockNumber`
 * is projected up to and including that transaction, and the block may hold more.
 */
export interface LedgerCheckpoint {
  readonly blockNumber: bigint;
  readonly transactionId?: string;
}

export interface LedgerEventSource {
  /**
   * The blocks from the checkpoint's `blockNumber` on (the whole block, also for a transaction
   * checkpoint: what the checkpoint covers is the reader's to skip), or from block 0 without one,
   * consecutively and in ledger order, until `signal` aborts.
   */
  blocks(from: LedgerCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerBlock>;
  /** The channel's current block height (the number of the next block) as seen by the gateway's peer. */
  blockHeight(): Promise<bigint>;
}

export const LEDGER_EVENT_SOURCE = Symbol('LedgerEventSource');
