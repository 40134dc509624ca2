import { type LedgerCall } from './ledger-client.port';

/**
 * The ledger as the public verification routes read it: callers have no identity, so the gateway
 * reads as its own service identity. Fabric (src/fabric, FabricPublicLedger) is the adapter.
 * Errors are ApiErrors as for LedgerClient (404 from the chaincode, 503 from the network).
 */
export interface PublicLedger {
  /**
   * Evaluates a chaincode query. With `user`, as that service identity (on its organisation's peer:
   * the holder verifier); with `mspId`, on a peer of that organisation (a query of its private data);
   * otherwise on the service identity's peer.
   */
  evaluate(
    call: Omit<LedgerCall, 'transient' | 'endorsingOrgs'>,
    options?: { mspId?: string; user?: string },
  ): Promise<Uint8Array>;
  /** The serialised block (common.Block) holding the transaction, or undefined for an unknown txId. */
  blockOf(txId: string): Promise<Uint8Array | undefined>;
  /** The serialised block with this number (e.g. the channel's last configuration block). */
  blockAt(blockNumber: bigint): Promise<Uint8Array>;
  /** The channel the gateway is connected to. */
  channel(): Promise<string>;
}

export const PUBLIC_LEDGER = Symbol('PublicLedger');
