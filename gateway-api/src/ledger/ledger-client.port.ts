import { type ChaincodeName, type ContractName } from '../../../chaincode/src/contract';

/**
 * The domain services' view of the ledger: call a chaincode transaction as the principal's own
 * Fabric identity. Fabric (src/fabric, FabricLedgerClient) is the adapter; a service test can
 * provide a fake under LEDGER_CLIENT.
 *
 * Errors are already ApiErrors (chaincode codes → 400/403/404/409/422, network → 503, with the
 * txId when a transaction was attempted), so services let them through unless they mean to
 * translate one.
 */
export interface LedgerCall {
  /** The contract, e.g. `smoke`, `realestate`; its definition is ContractHome's (definitions.ts). */
  readonly contract: ContractName;
  /**
   * The chaincode definition to call: only for `proof`, which every production definition serves
   * for its own namespace; any other contract has one home and naming another is refused.
   */
  readonly chaincode?: ChaincodeName;
  /** The transaction function, e.g. `Put`. */
  readonly transaction: string;
  readonly args: readonly (string | Uint8Array)[];
  /** Private data for the chaincode (personal data for a collection); never recorded on the ledger. */
  readonly transient?: Readonly<Record<string, string | Uint8Array>>;
  /**
   * Only these organisations' peers are asked to endorse. Needed with `transient` data for a private
   * collection, which must reach only the peers of the organisations that hold it. Without it a
   * write to a production definition is endorsed by its owner's peer alone (the adapter's default;
   * an evaluation runs on the caller's own organisation's peer):
   * the definition's policy asks for nothing more, while Fabric's own plan would also ask the
   * departments whose chaincode the transaction only reads.
   */
  readonly endorsingOrgs?: readonly string[];
}

export interface SubmitResult {
  readonly txId: string;
  /** The block the transaction committed in. */
  readonly blockNumber: bigint;
  /** What the transaction function returned (bytes; usually canonical JSON). */
  readonly result: Uint8Array;
  /**
   * True when nothing was submitted now: the request is a retry answered from the transaction an
   * earlier attempt committed (ReplayingLedgerClient). Whatever the service generated for this
   * attempt (random salts, codes) did not go into that transaction, so it must not be answered.
   */
  readonly replayed?: boolean;
}

export interface LedgerClient {
  /**
   * Endorses, orders and waits for the commit; resolves only when the transaction committed VALID.
   * A read conflict at commit (MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT) is retried a bounded
   * number of times with a new transaction; the answer then carries the last transaction's id.
   * @param user the principal's user (Principal.user), whose identity signs the transaction
   */
  submit(user: string, call: LedgerCall): Promise<SubmitResult>;

  /** Runs a query on the user's organisation's peer; nothing is ordered or committed. */
  evaluate(user: string, call: LedgerCall): Promise<Uint8Array>;
}

export const LEDGER_CLIENT = Symbol('LedgerClient');
