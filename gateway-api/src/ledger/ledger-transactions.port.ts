/**
 * One committed (or invalidated) transaction as the ledger recorded it: the evidence behind
 * `GET /api/v1/ledger/transactions/{txId}` and the `proof` of the public verification answers.
 */
export interface LedgerTransaction {
  readonly txId: string;
  readonly blockNumber: bigint;
  /** Fabric's validation code name: `VALID`, `MVCC_READ_CONFLICT`, `ENDORSEMENT_POLICY_FAILURE`, … */
  readonly validationCode: string;
  /** When the client created it (the channel header timestamp), ISO-8601. */
  readonly timestamp: string;
  readonly creator: TransactionCreator;
  /** MSP ids of the organisations whose peers endorsed it, sorted, each once. */
  readonly endorsers: readonly string[];
  /**
   * Public keys it writes or deletes, per namespace (chaincode name), in write-set order: what lets a
   * verifier check that this transaction really wrote a record. Private data writes are not listed.
   */
  readonly writes: ReadonlyMap<string, readonly string[]>;
  /**
   * What the chaincode function returned (ChaincodeAction.response.payload), the bytes a submit
   * answers with: lets a write whose commit was not confirmed rebuild its answer from the ledger.
   * Absent for transactions without a chaincode action (channel configuration).
   */
  readonly responsePayload?: Uint8Array;
}

export interface TransactionCreator {
  readonly mspId: string;
  /** The common name of the creator's certificate, if it has one. */
  readonly subject?: string;
  /** The `govtrace.role` attribute of the certificate (Fabric CA attribute extension), if any. */
  readonly role?: string;
}

export interface LedgerTransactionReader {
  /** The transaction with this id (64 lower-case hex characters), or undefined if the ledger has none. */
  find(txId: string): Promise<LedgerTransaction | undefined>;
}

export const LEDGER_TRANSACTION_READER = Symbol('LedgerTransactionReader');
