import { common } from '@hyperledger/fabric-protos';

import { type ProofSignedBlock } from '../../../chaincode/src/contract';
import { blockHeaderBytes } from './block-header';
import { type ChannelConfiguration } from './channel-configuration';
import { OrganizationTrust } from './organization-trust';
import { signatureVerifies } from './signature';
import { decoded, fail, required } from './verification-failure';

export interface OrderedBlock {
  /** The configuration block in force for this block, as the orderers signed it. */
  readonly lastConfig: number;
  /** MSP ids of the orderers whose signatures verified, sorted and unique. */
  readonly orderers: readonly string[];
}

/**
 * Checks that the ordering service of `configuration` signed the block, the way a peer checks blocks
 * it receives (the channel's BlockValidation policy): the SIGNATURES metadata holds
 * Metadata { value: OrdererBlockMetadata, signatures[] }, and each signature is by an orderer node of
 * an orderer organisation over value ‖ signature header ‖ the header's ASN.1 bytes. The header holds
 * the data hash, so this covers every envelope, and the value names the configuration in force.
 *
 * At least one signature is required, and every signature carried must verify (a bundle carries no
 * material that does not). Raft orderers sign each block once, by the leader. BFT consenters'
 * identifier headers are not supported: govtrace's ordering service is Raft.
 */
export function checkOrdererSignatures(
  block: ProofSignedBlock,
  header: common.BlockHeader,
  configuration: ChannelConfiguration,
  at: Date,
  what: string,
): OrderedBlock {
  const metadata = decoded('ordering', `the orderer signatures of ${what}`, () =>
    common.Metadata.deserializeBinary(Buffer.from(block.signatures, 'base64')),
  );
  const signatures = metadata.getSignaturesList();
  if (signatures.length === 0) {
    fail('ordering', `${what} carries no orderer signature: nothing shows the orderers ordered it`);
  }
  const value = metadata.getValue_asU8();
  const lastConfig = decoded('ordering', `the orderer metadata of ${what}`, () =>
    required(
      'ordering',
      common.OrdererBlockMetadata.deserializeBinary(value).getLastConfig(),
      `the last configuration recorded in ${what}`,
    ).getIndex(),
  );
  const trust = new OrganizationTrust(
    configuration.orderer,
    `the ordering service of configuration block ${configuration.blockNumber}`,
  );
  const headerBytes = blockHeaderBytes(header);
  const orderers = signatures.map((signature, index) => {
    const who = `orderer signature ${index + 1} of ${what}`;
    const signatureHeader = signature.getSignatureHeader_asU8();
    if (signatureHeader.length === 0) {
      fail('ordering', `${who} has no signature header (BFT consenter signatures are not supported)`);
    }
    const creator = decoded('ordering', `the signature header of ${who}`, () =>
      common.SignatureHeader.deserializeBinary(signatureHeader).getCreator_asU8(),
    );
    const orderer = trust.validate(creator, at, 'ordering', who, 'orderer');
    const signed = Buffer.concat([value, signatureHeader, headerBytes]);
    if (!signatureVerifies(orderer.certificate, signed, signature.getSignature_asU8())) {
      fail('ordering', `${who} (${orderer.mspId}) does not verify over the block header and metadata`);
    }
    return orderer.mspId;
  });
  return { lastConfig, orderers: [...new Set(orderers)].sort() };
}
