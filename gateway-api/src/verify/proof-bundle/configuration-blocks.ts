import { common } from '@hyperledger/fabric-protos';

import { type ProofSignedBlock } from '../../../../chaincode/src/contract';
import { decodeOrThrow, present } from './decode';
import { lastConfigBlockNumber } from './last-config';
import { ProofBundleError } from './proof-bundle-error';
import { signedBlockOf } from './signed-block';

/**
 * The channel's configuration blocks a verifier needs for a block: the genesis block, then every later
 * configuration block up to the one in force for it. Each configuration block is signed by the
 * orderers of the configuration before it, so a verifier that trusts the genesis block (its hash is
 * published) can follow the chain to the organisations in force when the block was written.
 *
 * The caller fetches the blocks (walking back from the last one with lastConfigBlockNumber of the
 * block just before each); this only checks that they are what it asked for, in order.
 */
export function configurationChain(
  blocks: readonly Uint8Array[],
  forBlock: Uint8Array,
  channel: string,
): ProofSignedBlock[] {
  const inForce = lastConfigBlockNumber(forBlock);
  const decoded = blocks.map((bytes, index) => configurationBlock(bytes, channel, index));
  const numbers = decoded.map(({ number }) => number);
  const ordered = numbers.every((number, index) => index === 0 || number > (numbers[index - 1] ?? number));
  if (numbers[0] !== 0 || !ordered || numbers[numbers.length - 1] !== inForce) {
    throw new ProofBundleError(
      'MALFORMED_CONFIG',
      `the configuration chain must run from block 0 to block ${inForce} in order, got blocks ${numbers.join(', ')}`,
    );
  }
  return decoded.map(({ block, number }) => signedBlockOf(block, `configuration block ${number}`));
}

function configurationBlock(bytes: Uint8Array, channel: string, index: number) {
  return decodeOrThrow('MALFORMED_CONFIG', `configuration block ${index}`, () => {
    const block = common.Block.deserializeBinary(bytes);
    const number = present('MALFORMED_CONFIG', block.getHeader(), 'block header').getNumber();
    const [envelopeBytes, ...others] = present(
      'MALFORMED_CONFIG',
      block.getData(),
      'block data',
    ).getDataList_asU8();
    if (envelopeBytes === undefined || others.length > 0) {
      throw new ProofBundleError('MALFORMED_CONFIG', `block ${number} is not a configuration block`);
    }
    const payload = common.Payload.deserializeBinary(
      common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8(),
    );
    const header = present('MALFORMED_CONFIG', payload.getHeader(), 'payload header');
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    if (channelHeader.getType() !== common.HeaderType.CONFIG) {
      throw new ProofBundleError('MALFORMED_CONFIG', `block ${number} is not a configuration block`);
    }
    if (channelHeader.getChannelId() !== channel) {
      throw new ProofBundleError(
        'MALFORMED_CONFIG',
        `configuration block ${number} is for channel ${channelHeader.getChannelId()}, not ${channel}`,
      );
    }
    return { block, number };
  });
}
