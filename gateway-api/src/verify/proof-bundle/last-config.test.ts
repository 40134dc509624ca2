import { common } from '@hyperledger/fabric-protos';

import { lastConfigBlockNumber } from './last-config';
import { ProofBundleError } from './proof-bundle-error';
import { committedBlock } from './testing/synthetic-block';

/** A committed block whose metadata entry `index` holds a common.Metadata with `value`. */
function blockWithMetadata(number: number, index: number, value: Uint8Array): Uint8Array {
  const block = common.Block.deserializeBinary(committedBlock({ number, envelopes: [Buffer.from('tx')] }));
  const metadata = new common.Metadata();
  metadata.setValue(value);
  const entries = block.getMetadata()?.getMetadataList_asU8() ?? [];
  entries[index] = metadata.serializeBinary();
  block.getMetadata()?.setMetadataList(entries);
  return block.serializeBinary();
}

function lastConfig(index: number): common.LastConfig {
  const value = new common.LastConfig();
  value.setIndex(index);
  return value;
}

describe('lastConfigBlockNumber', () => {
  it('reads OrdererBlockMetadata.last_config from the SIGNATURES metadata (Fabric 2+)', () => {
    const ordererMetadata = new common.OrdererBlockMetadata();
    ordererMetadata.setLastConfig(lastConfig(7));

    const block = blockWithMetadata(
      42,
      common.BlockMetadataIndex.SIGNATURES,
      ordererMetadata.serializeBinary(),
    );

    expect(lastConfigBlockNumber(block)).toBe(7);
  });

  it('falls back to the LAST_CONFIG metadata of Fabric 1.x', () => {
    const block = blockWithMetadata(
      42,
      common.BlockMetadataIndex.LAST_CONFIG,
      lastConfig(3).serializeBinary(),
    );

    expect(lastConfigBlockNumber(block)).toBe(3);
  });

  it('takes the genesis block as its own configuration', () => {
    expect(lastConfigBlockNumber(committedBlock({ number: 0, envelopes: [Buffer.from('config')] }))).toBe(0);
  });

  it('fails on a later block that records no configuration', () => {
    expect(() =>
      lastConfigBlockNumber(committedBlock({ number: 5, envelopes: [Buffer.from('tx')] })),
    ).toThrow(ProofBundleError);
  });
});
