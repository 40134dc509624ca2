// The offline proof bundle: everything a verifier needs to check, with no network, that a record was
// written by a valid transaction endorsed by the organisation responsible for it. The gateway builds
// it (build-proof-bundle.ts); scripts/src/verify-proof checks it and imports only this file from here,
// so the two sides agree on the shape without sharing any decoding code.
//
// Binary Fabric structures travel as base64 of their exact protobuf bytes: hashes and signatures are
// over those bytes, so they must not be re-encoded.

export const PROOF_BUNDLE_FORMAT = 'govtrace-proof-bundle/1';

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

export interface ProofBlock {
  /** base64 of the serialised common.BlockHeader (number, previous_hash, data_hash). */
  readonly header: string;
  /** base64 of every envelope in the block, in order: data_hash covers all of them. */
  readonly data: readonly string[];
  /** base64 of block metadata TRANSACTIONS_FILTER: one validation code byte per envelope. */
  readonly transactionsFilter: string;
}

export interface ProofOrganization {
  readonly mspId: string;
  /** PEM root CA certificates of the org's MSP, as in the channel configuration. */
  readonly rootCerts: readonly string[];
  /** PEM intermediate CA certificates of the org's MSP. */
  readonly intermediateCerts: readonly string[];
}

export interface ProofBundle {
  readonly format: typeof PROOF_BUNDLE_FORMAT;
  readonly channel: string;
  readonly chaincode: string;
  readonly record: ProofRecord;
  readonly transaction: ProofTransaction;
  readonly block: ProofBlock;
  readonly organizations: readonly ProofOrganization[];
  /** ISO-8601 time the bundle was built; informative only, nothing is checked against it. */
  readonly createdAt: string;
}
