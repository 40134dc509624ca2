import { common } from '@hyperledger/fabric-protos';

import { decodeOrThrow } from './decode';
import { ProofBundleError } from './proof-bundle-error';

/**
 * The number of the configuration block in force for a block: the one whose MSP definitions (CA
 * certificates) the block's endorsements must be checked against. Block 0 is only right until the
 * first config update (a rotated CA, a new org), so the gateway should fetch this block, not block 0,
 * as buildProofBundle's configBlockBytes.
 *
 * Fabric ≥ 2.0 records it in the SIGNATURES metadata (OrdererBlockMetadata.last_config); 1.x used the
 * LAST_CONFIG metadata entry. The genesis block carries neither and is its own configuration.
 */
export function lastConfigBlockNumber(blockBytes: Uint8Array): number {
  const block = decodeOrThrow('MALFORMED_BLOCK', 'the block', () =>
    common.Block.deserializeBinary(blockBytes),
  );
  const metadata = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const fromSignatures = decodeOrThrow('MALFORMED_BLOCK', 'the SIGNATURES metadata', () =>
    lastConfigIn(metadata[common.BlockMetadataIndex.SIGNATURES], (value) =>
      common.OrdererBlockMetadata.deserializeBinary(value).getLastConfig(),
    ),
  );
  if (fromSignatures !== undefined) return fromSignatures;
  const fromLegacy = decodeOrThrow('MALFORMED_BLOCK', 'the LAST_CONFIG metadata', () =>
    lastConfigIn(metadata[common.BlockMetadataIndex.LAST_CONFIG], (value) =>
      common.LastConfig.deserializeBinary(value),
    ),
  );
  if (fromLegacy !== undefined) return fromLegacy;
  if (block.getHeader()?.getNumber() === 0) return 0;
  throw new ProofBundleError('MALFORMED_BLOCK', 'the block does not record its last configuration block');
}

function lastConfigIn(
  entry: Uint8Array | undefined,
  read: (value: Uint8Array) => common.LastConfig | undefined,
): number | undefined {
  if (entry === undefined || entry.length === 0) return undefined;
  const value = common.Metadata.deserializeBinary(entry).getValue_asU8();
  return value.length === 0 ? undefined : read(value)?.getIndex();
}
