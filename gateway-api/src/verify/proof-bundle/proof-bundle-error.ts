// Why a proof bundle could not be built. The code lets callers map failures (an unknown transaction is
// a 404, a malformed block a 502) without parsing message text.

export type ProofBundleErrorCode =
  /** The block bytes, or a structure inside them, do not decode as what Fabric writes. */
  | 'MALFORMED_BLOCK'
  /** No envelope in the block carries the requested transaction id. */
  | 'TRANSACTION_NOT_IN_BLOCK'
  /** The transaction is not an endorser transaction on the expected channel. */
  | 'NOT_AN_ENDORSER_TRANSACTION'
  /** The transaction's write set has no (live) write of the record key in the chaincode's namespace. */
  | 'RECORD_NOT_WRITTEN'
  /** The written value is not JSON. */
  | 'RECORD_NOT_JSON'
  /** The configuration block is not one, or an organisation's MSP definition cannot be read. */
  | 'MALFORMED_CONFIG';

export class ProofBundleError extends Error {
  override readonly name = 'ProofBundleError';

  constructor(
    readonly code: ProofBundleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
