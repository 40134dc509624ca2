import { createHash } from 'node:crypto';

import { common, peer } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../chaincode/src/contract';
import { timestampOf } from './timestamp';
import { decoded, fail, required } from './verification-failure';

/** The parts of the transaction envelope the later checks need, as their exact signed bytes. */
export interface TransactionEnvelope {
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  readonly channelHeader: Uint8Array;
  /** The serialised msp.SerializedIdentity of the client that submitted the transaction. */
  readonly creator: Uint8Array;
  readonly timestamp: Date;
  readonly actions: readonly peer.TransactionAction[];
}

/**
 * Decodes the envelope and checks it is the bundle's transaction: channel header names the txId and
 * the channel, is an endorser transaction, and the txId is Fabric's SHA-256(nonce || creator), which
 * binds the id to the submitting identity (a transaction cannot be passed off under another's id).
 */
export function readTransaction(envelopeBytes: Uint8Array, bundle: ProofBundle): TransactionEnvelope {
  return decoded('transaction', 'the transaction envelope', () => {
    const envelope = common.Envelope.deserializeBinary(envelopeBytes);
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const header = required('transaction', payload.getHeader(), 'the payload header');
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    const signatureHeader = common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8());
    checkChannelHeader(channelHeader, bundle);
    const creator = signatureHeader.getCreator_asU8();
    const txId = createHash('sha256').update(signatureHeader.getNonce_asU8()).update(creator).digest('hex');
    if (txId !== channelHeader.getTxId()) {
      fail('transaction', 'the transaction id is not SHA-256(nonce || creator) of its signature header');
    }
    return {
      payload: envelope.getPayload_asU8(),
      signature: envelope.getSignature_asU8(),
      channelHeader: header.getChannelHeader_asU8(),
      creator,
      timestamp: timestampOf(channelHeader, 'transaction', 'the transaction'),
      actions: peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList(),
    };
  });
}

function checkChannelHeader(header: common.ChannelHeader, bundle: ProofBundle): void {
  if (header.getTxId() !== bundle.transaction.txId) {
    fail(
      'transaction',
      `the envelope at index ${bundle.transaction.txIndex} is transaction ${header.getTxId()}`,
    );
  }
  if (header.getChannelId() !== bundle.channel) {
    fail('transaction', `the transaction is on channel ${header.getChannelId()}, not ${bundle.channel}`);
  }
  if (header.getType() !== common.HeaderType.ENDORSER_TRANSACTION) {
    fail('transaction', `the transaction is of header type ${header.getType()}, not an endorser transaction`);
  }
}
