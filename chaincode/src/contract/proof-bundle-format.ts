// The offline proof bundle: everything a verifier needs to check, with no network, that a record was
// written by a transaction endorsed by a peer of the organisation responsible for it and ordered into
// the channel's ledger by its orderers. The gateway builds it (gateway-api/src/verify/proof-bundle);
// scripts/src/verify-proof checks it. Both take this shape from the contract surface, and share no
// decoding code.
//
// Binary Fabric structures travel as base64 of their exact protobuf bytes: hashes and signatures are
// over those bytes, so they must not be re-encoded.
//
// Format 2 (this one) carries the orderers' block signatures and the channel's configuration from its
// genesis block on, so trust can be pinned by one published value (the genesis block's hash) instead
// of the CA certificates a bundle states about itself, as format 1 did.

export const PROOF_BUNDLE_FORMAT = 'govtrace-proof-bundle/2';

export const RECORD_KINDS = ['real-estate-certificate', 'business-license'] as const;
export type ProofRecordKind = (typeof RECORD_KINDS)[number];

export interface ProofRecord {
  readonly kind: ProofRecordKind;
  /** The certificate number (canonical form) or the licence's USCC. */
  readonly id: string;
  /** The state key exactly as it appears in the write set (a Fabric composite key). */
  readonly key: string;
  /** The written value, parsed from its JSON bytes. */
  readonly value: unknown;
}

export interface ProofTransaction {
  readonly txId: string;
  /** Decimal block number; a string because block numbers are uint64. */
  readonly blockNumber: string;
  /** Position of the transaction's envelope in the block's data. */
  readonly txIndex: number;
  /** The peer's validation code name (peer.TxValidationCode), 'VALID' for a committed write. */
  readonly validationCode: string;
}

/** A block as the orderers signed it: header, data, and their signatures over the header. */
export interface ProofSignedBlock {
  /** base64 of the serialised common.BlockHeader (number, previous_hash, data_hash). */
  readonly header: string;
  /** base64 of every envelope in the block, in order: data_hash covers all of them. */
  readonly data: readonly string[];
  /**
   * base64 of the block metadata SIGNATURES entry (common.Metadata): its value is the
   * OrdererBlockMetadata (the last configuration block's number) and each signature is an orderer's
   * over value ‖ signature header ‖ the header's ASN.1 encoding.
   */
  readonly signatures: string;
}

export interface ProofBlock extends ProofSignedBlock {
  /** base64 of block metadata TRANSACTIONS_FILTER: one validation code byte per envelope, unsigned. */
  readonly transactionsFilter: string;
}

export interface ProofBundle {
  readonly format: typeof PROOF_BUNDLE_FORMAT;
  readonly channel: string;
  readonly chaincode: string;
  readonly record: ProofRecord;
  readonly transaction: ProofTransaction;
  readonly block: ProofBlock;
  /**
   * The channel's configuration blocks in ledger order: the genesis block (block 0), then every later
   * configuration block up to the one in force for `block`. Each defines the organisations (CA
   * certificates, revocation lists, node roles) the next block's signatures are checked against.
   */
  readonly configuration: readonly ProofSignedBlock[];
  /** ISO-8601 time the bundle was built; informative only, nothing is checked against it. */
  readonly createdAt: string;
}
