import { common, peer } from '@hyperledger/fabric-protos';

import { decodeOrThrow, present } from './decode';
import { ProofBundleError } from './proof-bundle-error';

/** A transaction located in a block: its position, envelope and what the committing peer decided. */
export interface LocatedTransaction {
  readonly block: common.Block;
  readonly txIndex: number;
  readonly envelope: common.Envelope;
  readonly channelHeader: common.ChannelHeader;
  /** Fabric's name for the validation code byte in TRANSACTIONS_FILTER, e.g. 'VALID'. */
  readonly validationCode: string;
}

const VALIDATION_CODE_NAMES = new Map<number, string>(
  Object.entries(peer.TxValidationCode).map(([name, code]) => [code, name]),
);

/** Fabric's name of a validation code, e.g. 11 → MVCC_READ_CONFLICT. */
export function validationCodeName(code: number): string {
  return VALIDATION_CODE_NAMES.get(code) ?? `UNKNOWN_VALIDATION_CODE_${code}`;
}

/**
 * Finds the envelope whose channel header carries `txId`. qscc GetBlockByTxID answers the whole
 * block, and the proof needs all of it (the data hash covers every envelope), so the transaction is
 * located here by reading each envelope's channel header rather than trusting any index.
 */
export function locateTransaction(blockBytes: Uint8Array, txId: string): LocatedTransaction {
  const block = decodeOrThrow('MALFORMED_BLOCK', 'the block', () =>
    common.Block.deserializeBinary(blockBytes),
  );
  present('MALFORMED_BLOCK', block.getHeader(), 'the block header');
  const envelopes = present('MALFORMED_BLOCK', block.getData(), 'the block data').getDataList_asU8();
  for (const [txIndex, envelopeBytes] of envelopes.entries()) {
    const envelope = decodeOrThrow('MALFORMED_BLOCK', `envelope ${txIndex}`, () =>
      common.Envelope.deserializeBinary(envelopeBytes),
    );
    const channelHeader = channelHeaderOf(envelope, txIndex);
    if (channelHeader.getTxId() === txId) {
      const validationCode = validationCodeName(transactionsFilter(block, envelopes.length)[txIndex] ?? -1);
      return { block, txIndex, envelope, channelHeader, validationCode };
    }
  }
  throw new ProofBundleError('TRANSACTION_NOT_IN_BLOCK', `transaction ${txId} is not in the block`);
}

function channelHeaderOf(envelope: common.Envelope, txIndex: number): common.ChannelHeader {
  return decodeOrThrow('MALFORMED_BLOCK', `the channel header of envelope ${txIndex}`, () => {
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const header = present('MALFORMED_BLOCK', payload.getHeader(), `the header of envelope ${txIndex}`);
    return common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  });
}

/**
 * The TRANSACTIONS_FILTER metadata: one validation code byte per envelope, written by the committing
 * peer. A committed block always has one entry per envelope; anything else is not a committed block.
 */
export function transactionsFilter(block: common.Block, envelopeCount: number): Uint8Array {
  const metadata = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const filter = metadata[common.BlockMetadataIndex.TRANSACTIONS_FILTER];
  if (filter?.length !== envelopeCount) {
    throw new ProofBundleError(
      'MALFORMED_BLOCK',
      `the block's transactions filter has ${filter?.length ?? 0} entries for ${envelopeCount} envelopes`,
    );
  }
  return filter;
}
