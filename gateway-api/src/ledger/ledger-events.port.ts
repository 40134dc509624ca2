/**
 * The index's view of the ledger: an ordered stream of chaincode events that
 * can resume after a checkpoint. Fabric (fabric-gateway's getChaincodeEvents)
 * is the adapter; tests of the index may use an in-memory source.
 */
export interface LedgerEvent {
  readonly blockNumber: bigint;
  readonly transactionId: string;
  readonly chaincodeName: string;
  readonly eventName: string;
  readonly payload: Uint8Array;
}

/**
 * The last event the index has fully projected. Resuming delivers events from
 * `blockNumber` on, skipping that block's transactions up to and including
 * `transactionId` (the semantics of fabric-gateway's Checkpoint).
 */
export interface EventCheckpoint {
  readonly blockNumber: bigint;
  readonly transactionId?: string;
}

export interface LedgerEventSource {
  /** Events after `after` (or from the first block), in ledger order, until `signal` aborts. */
  events(after: EventCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerEvent>;
  /** The channel's current block height as seen by the gateway's peer. */
  blockHeight(): Promise<bigint>;
}

export const LEDGER_EVENT_SOURCE = Symbol('LedgerEventSource');
