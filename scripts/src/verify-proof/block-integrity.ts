import { createHash } from 'node:crypto';

import { common } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../gateway-api/src/verify/proof-bundle/bundle-format';
import { decoded, fail } from './verification-failure';

/** peer.TxValidationCode.VALID: the committing peer accepted the transaction. */
const VALID = 0;

/**
 * Checks that the block is internally consistent and that the peer committed the transaction as
 * valid, and returns the transaction's envelope bytes.
 *
 * Fabric's block data hash is SHA-256 over the concatenated envelope bytes (protoutil.ComputeBlockDataHash),
 * so any change to any envelope, or to their order, changes it. The header itself is signed by the
 * orderers in the block's SIGNATURES metadata, which the bundle does not carry: the header is
 * therefore not proven to be the ledger's, only consistent with the envelopes (see README).
 */
export function checkBlock(bundle: ProofBundle): Buffer {
  const header = decoded('block', 'the block header', () =>
    common.BlockHeader.deserializeBinary(Buffer.from(bundle.block.header, 'base64')),
  );
  const envelopes = bundle.block.data.map((entry) => Buffer.from(entry, 'base64'));
  const dataHash = createHash('sha256').update(Buffer.concat(envelopes)).digest();
  if (!dataHash.equals(header.getDataHash_asU8())) {
    fail('block', "the block's envelopes do not hash to the header's data hash (an envelope was changed)");
  }
  if (String(header.getNumber()) !== bundle.transaction.blockNumber) {
    fail('block', `the header is block ${header.getNumber()}, not ${bundle.transaction.blockNumber}`);
  }
  const { txIndex } = bundle.transaction;
  const envelope = envelopes[txIndex];
  if (envelope === undefined) fail('block', `the block has no transaction at index ${txIndex}`);
  checkValidationCode(bundle, envelopes.length);
  return envelope;
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
