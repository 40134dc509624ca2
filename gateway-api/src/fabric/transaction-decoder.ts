import { common, msp, peer } from '@hyperledger/fabric-protos';

import { type LedgerTransaction, type TransactionCreator } from '../ledger/ledger-transactions.port';
import { readCertificate, ROLE_ATTRIBUTE } from './certificate';
import { validationCodeName } from './fabric-errors';
import { endorserMspIds, writtenKeysByNamespace } from './endorsed-action-facts';

/** The bytes qscc answered are not the transaction they should be. */
export class TransactionDecodeError extends Error {
  override readonly name = 'TransactionDecodeError';
}

/**
 * Decodes qscc GetTransactionByID's answer (a serialised peer.ProcessedTransaction) into what the
 * ledger proves about the transaction. qscc does not say which block holds it, so the caller passes
 * the number it got from GetBlockByTxID.
 *
 *   ProcessedTransaction { validationCode, transactionEnvelope: Envelope }
 *   Envelope.payload → Payload { header, data }
 *     header.channelHeader   → ChannelHeader { txId, timestamp, type }
 *     header.signatureHeader → SignatureHeader { creator: SerializedIdentity { mspid, idBytes (PEM) } }
 *     data (ENDORSER_TRANSACTION) → Transaction { actions[] }
 *       action.payload → ChaincodeActionPayload { action: ChaincodeEndorsedAction }
 *         { endorsements[].endorser → SerializedIdentity { mspid },
 *           proposalResponsePayload → ProposalResponsePayload.extension → ChaincodeAction
 *             .results → TxReadWriteSet { nsRwset[]: { namespace, rwset → KVRWSet.writes[].key } }
 *             .response.payload → what the chaincode function returned } }
 */
export function decodeProcessedTransaction(bytes: Uint8Array, blockNumber: bigint): LedgerTransaction {
  const processed = peer.ProcessedTransaction.deserializeBinary(bytes);
  const envelope = required(processed.getTransactionenvelope(), 'transaction envelope');
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const header = required(payload.getHeader(), 'payload header');
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  const signatureHeader = common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8());
  const txId = channelHeader.getTxId();
  if (!/^[0-9a-f]{64}$/.test(txId))
    throw new TransactionDecodeError('the channel header has no transaction id');
  const isEndorserTransaction = channelHeader.getType() === common.HeaderType.ENDORSER_TRANSACTION;
  const actions = isEndorserTransaction ? endorsedActionsOf(payload.getData_asU8()) : [];
  const chaincodeActions = actions.map(chaincodeActionOf);
  const responsePayload = chaincodeActions[0]?.getResponse()?.getPayload_asU8();
  return {
    txId,
    blockNumber,
    validationCode: validationCodeName(processed.getValidationcode()),
    timestamp: isoTimestamp(channelHeader.getTimestamp()),
    creator: creatorOf(signatureHeader.getCreator_asU8()),
    endorsers: endorserMspIds(actions.flatMap((action) => action.getEndorsementsList())),
    writes: writtenKeysByNamespace(chaincodeActions),
    // Fabric commits one action per transaction: its return value is the submitter's answer
    ...(responsePayload !== undefined && { responsePayload }),
  };
}

function creatorOf(serializedIdentity: Uint8Array): TransactionCreator {
  const identity = msp.SerializedIdentity.deserializeBinary(serializedIdentity);
  const mspId = identity.getMspid();
  if (mspId === '') throw new TransactionDecodeError('the signature header names no creator MSP');
  let facts: ReturnType<typeof readCertificate> | undefined;
  try {
    facts = readCertificate(identity.getIdBytes_asU8());
  } catch {
    // an identity that is not an X.509 certificate (e.g. an idemix one) still has its MSP
    facts = undefined;
  }
  const role = facts?.attributes[ROLE_ATTRIBUTE];
  return {
    mspId,
    ...(facts?.commonName !== undefined && { subject: facts.commonName }),
    ...(role !== undefined && { role }),
  };
}

function endorsedActionsOf(transactionBytes: Uint8Array): peer.ChaincodeEndorsedAction[] {
  return peer.Transaction.deserializeBinary(transactionBytes)
    .getActionsList()
    .flatMap((action) => {
      const endorsed = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction();
      return endorsed === undefined ? [] : [endorsed];
    });
}

function chaincodeActionOf(action: peer.ChaincodeEndorsedAction): peer.ChaincodeAction {
  const response = peer.ProposalResponsePayload.deserializeBinary(action.getProposalResponsePayload_asU8());
  return peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
}

/**
 * A google.protobuf.Timestamp as ISO-8601 (millisecond precision). The generated typings import
 * google-protobuf's Timestamp, for which no types are installed, so the value is checked here.
 */
function isoTimestamp(value: unknown): string {
  const timestamp = value as { getSeconds?: unknown; getNanos?: unknown } | undefined;
  if (typeof timestamp?.getSeconds !== 'function' || typeof timestamp.getNanos !== 'function') {
    throw new TransactionDecodeError('the channel header has no timestamp');
  }
  const seconds: unknown = timestamp.getSeconds.call(timestamp);
  const nanos: unknown = timestamp.getNanos.call(timestamp);
  if (typeof seconds !== 'number' || typeof nanos !== 'number') {
    throw new TransactionDecodeError('the channel header timestamp is malformed');
  }
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new TransactionDecodeError(`the transaction has no ${what}`);
  return value;
}
