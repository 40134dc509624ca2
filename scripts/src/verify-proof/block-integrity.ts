import { type common } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../chaincode/src/contract';
import { checkDataHash, decodeHeader } from './block-header';
import { fail } from './verification-failure';

/** peer.TxValidationCode.VALID: the committing peer accepted the transaction. */
const VALID = 0;

export interface CheckedBlock {
  readonly header: common.BlockHeader;
  /** The transaction's envelope bytes. */
  readonly envelope: Buffer;
}

/**
 * Checks that the block is internally consistent (its envelopes hash to the header's data hash, the
 * header has the bundle's block number) and that the peer marked the transaction valid, and returns the
 * header and the transaction's envelope. That the header is the ledger's is the orderers' signatures'
 * business (orderer-signatures.ts). The validation code is checked but proves little: peers compute it
 * and nobody signs it, so a VALID filter byte is what the bundle's builder says, and the output says so.
 */
export function checkBlock(bundle: ProofBundle): CheckedBlock {
  const header = decodeHeader(bundle.block.header, 'block', 'the block header');
  const envelopes = bundle.block.data.map((entry) => Buffer.from(entry, 'base64'));
  checkDataHash(header, envelopes, 'block', 'the block');
  if (String(header.getNumber()) !== bundle.transaction.blockNumber) {
    fail('block', `the header is block ${header.getNumber()}, not ${bundle.transaction.blockNumber}`);
  }
  const { txIndex } = bundle.transaction;
  const envelope = envelopes[txIndex];
  if (envelope === undefined) fail('block', `the block has no transaction at index ${txIndex}`);
  checkValidationCode(bundle, envelopes.length);
  return { header, envelope };
}

function checkValidationCode(bundle: ProofBundle, envelopeCount: number): void {
  const filter = Buffer.from(bundle.block.transactionsFilter, 'base64');
  if (filter.length !== envelopeCount) {
    fail('block', `the transactions filter has ${filter.length} entries for ${envelopeCount} envelopes`);
  }
  const code = filter[bundle.transaction.txIndex];
  if (code !== VALID) {
    fail('transaction', `the peer marked the transaction invalid (validation code ${code ?? 'missing'})`);
  }
  if (bundle.transaction.validationCode !== 'VALID') {
    fail('transaction', `the bundle states validation code ${bundle.transaction.validationCode}, not VALID`);
  }
}
