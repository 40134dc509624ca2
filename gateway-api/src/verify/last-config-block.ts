import { common } from '@hyperledger/fabric-protos';

/**
 * The number of the channel's configuration block in force when `blockBytes` was cut, as the
 * orderer records it in the block's SIGNATURES metadata (OrdererBlockMetadata.last_config). The
 * organisations' CA certificates of a proof come from that block. A block without the entry (a
 * genesis block, or metadata we cannot read) falls back to block 0, the channel's first config.
 */
export function lastConfigBlockNumber(blockBytes: Uint8Array): bigint {
  try {
    const block = common.Block.deserializeBinary(blockBytes);
    const entries = block.getMetadata()?.getMetadataList_asU8() ?? [];
    const signatures = entries[common.BlockMetadataIndex.SIGNATURES];
    if (signatures === undefined || signatures.length === 0) return 0n;
    const metadata = common.Metadata.deserializeBinary(signatures);
    const orderer = common.OrdererBlockMetadata.deserializeBinary(metadata.getValue_asU8());
    return BigInt(orderer.getLastConfig()?.getIndex() ?? 0);
  } catch {
    return 0n;
  }
}
