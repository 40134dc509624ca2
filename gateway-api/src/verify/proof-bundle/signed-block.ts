import { common } from '@hyperledger/fabric-protos';

import { type ProofSignedBlock } from '../../../../chaincode/src/contract';
import { present } from './decode';
import { ProofBundleError } from './proof-bundle-error';

/**
 * The parts of a block the orderers signed, as the bundle carries them: the header, every envelope (the
 * header's data hash covers them all) and the SIGNATURES metadata entry. Nothing is checked here; the
 * verifier trusts none of it. A later block without orderer signatures is refused, though: it cannot
 * come from a peer's ledger, and a bundle built from it could never verify. The genesis block is the
 * exception: configtxgen makes it, nobody signs it, and verifiers pin its hash instead.
 */
export function signedBlockOf(block: common.Block, what: string): ProofSignedBlock {
  const header = present('MALFORMED_BLOCK', block.getHeader(), `the header of ${what}`);
  const envelopes = present('MALFORMED_BLOCK', block.getData(), `the data of ${what}`).getDataList_asU8();
  const metadata = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const signatures = metadata[common.BlockMetadataIndex.SIGNATURES] ?? new Uint8Array();
  if (signatures.length === 0 && header.getNumber() !== 0) {
    throw new ProofBundleError('MALFORMED_BLOCK', `${what} carries no orderer signatures`);
  }
  return {
    header: base64(header.serializeBinary()),
    data: envelopes.map(base64),
    signatures: base64(signatures),
  };
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
