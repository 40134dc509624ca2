import { common } from '@hyperledger/fabric-protos';

import { locateTransaction, transactionsFilter } from './block-transaction';
import {
  PROOF_BUNDLE_FORMAT,
  type ProofBundle,
  type ProofRecordKind,
} from '../../../../chaincode/src/contract';
import { configurationChain } from './configuration-blocks';
import { present } from './decode';
import { ProofBundleError } from './proof-bundle-error';
import { recordWrittenBy } from './record-write';
import { base64, signedBlockOf } from './signed-block';

export interface BuildProofBundleInput {
  readonly channel: string;
  readonly chaincode: string;
  readonly recordKind: ProofRecordKind;
  /** Certificate number (canonical) or USCC. */
  readonly recordId: string;
  /** The record's composite state key. */
  readonly recordKey: string;
  /** The serialised common.Block holding the transaction, as qscc GetBlockByTxID answers it. */
  readonly blockBytes: Uint8Array;
  readonly txId: string;
  /**
   * The channel's configuration blocks, serialised, in ledger order: block 0, then every later
   * configuration block up to the one in force for `blockBytes` (its lastConfigBlockNumber).
   */
  readonly configurationBlocks: readonly Uint8Array[];
  readonly now: Date;
}

/**
 * Assembles the offline proof that `txId` wrote the record. Pure: the caller fetches the blocks, so
 * this is testable with synthetic blocks and never talks to the network.
 *
 * It checks only what it must to build a meaningful bundle (the transaction is in the block, it is an
 * endorser transaction on the channel, it writes the key, the configuration chain is the one the block
 * names); proving the bundle is the verifier's job, which trusts nothing this function concluded. An
 * invalid transaction still yields a bundle, with its validation code, so the caller can decide to
 * refuse it; the verifier rejects it.
 */
export function buildProofBundle(input: BuildProofBundleInput): ProofBundle {
  const located = locateTransaction(input.blockBytes, input.txId);
  const { channelHeader, block } = located;
  if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) {
    throw new ProofBundleError(
      'NOT_AN_ENDORSER_TRANSACTION',
      `transaction ${input.txId} is not an endorser one`,
    );
  }
  if (channelHeader.getChannelId() !== input.channel) {
    throw new ProofBundleError(
      'NOT_AN_ENDORSER_TRANSACTION',
      `transaction ${input.txId} is on channel ${channelHeader.getChannelId()}, not ${input.channel}`,
    );
  }
  const value = recordWrittenBy(located.envelope, input.chaincode, input.recordKey);
  const header = present('MALFORMED_BLOCK', block.getHeader(), 'the block header');
  const envelopeCount = present('MALFORMED_BLOCK', block.getData(), 'the block data').getDataList().length;
  return {
    format: PROOF_BUNDLE_FORMAT,
    channel: input.channel,
    chaincode: input.chaincode,
    record: { kind: input.recordKind, id: input.recordId, key: input.recordKey, value },
    transaction: {
      txId: input.txId,
      blockNumber: String(header.getNumber()),
      txIndex: located.txIndex,
      validationCode: located.validationCode,
    },
    block: {
      ...signedBlockOf(block, `block ${header.getNumber()}`),
      transactionsFilter: base64(transactionsFilter(block, envelopeCount)),
    },
    configuration: configurationChain(input.configurationBlocks, input.blockBytes, input.channel),
    createdAt: input.now.toISOString(),
  };
}
