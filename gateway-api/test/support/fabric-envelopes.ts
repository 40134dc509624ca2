import { common, msp, peer } from '@hyperledger/fabric-protos';

// Test-only: serialised ledger structures built with @hyperledger/fabric-protos, shaped like what
// qscc GetTransactionByID answers.

export interface TestEndorsement {
  readonly mspId: string;
  readonly certificate: string;
}

export interface TestTransaction {
  readonly txId: string;
  readonly validationCode?: number;
  readonly headerType?: number;
  /** Seconds and nanoseconds since the epoch; omitted → no timestamp at all. */
  readonly timestamp?: { seconds: number; nanos: number };
  readonly creator: { mspId: string; idBytes: string | Uint8Array };
  /** One entry per action, each a list of endorsements. */
  readonly actions?: readonly (readonly TestEndorsement[])[];
  /** The serialised TxReadWriteSet of the action at the same index (fabric-blocks' readWriteSet). */
  readonly results?: readonly Uint8Array[];
  /** The chaincode's return value (ChaincodeAction.response.payload) of the action at the same index. */
  readonly responses?: readonly Uint8Array[];
}

export function serializedIdentity(mspId: string, idBytes: string | Uint8Array): Uint8Array {
  const identity = new msp.SerializedIdentity();
  identity.setMspid(mspId);
  identity.setIdBytes(typeof idBytes === 'string' ? Buffer.from(idBytes) : idBytes);
  return identity.serializeBinary();
}

export function processedTransaction(tx: TestTransaction): Uint8Array {
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(tx.headerType ?? common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setChannelId('govtrace');
  channelHeader.setTxId(tx.txId);
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(serializedIdentity(tx.creator.mspId, tx.creator.idBytes));
  signatureHeader.setNonce(Buffer.from('nonce'));
  const header = new common.Header();
  header.setChannelHeader(withTimestamp(channelHeader.serializeBinary(), tx.timestamp));
  header.setSignatureHeader(signatureHeader.serializeBinary());

  const transaction = new peer.Transaction();
  transaction.setActionsList(
    (tx.actions ?? []).map((endorsements, index) => {
      const endorsed = new peer.ChaincodeEndorsedAction();
      const results = tx.results?.[index];
      const returned = tx.responses?.[index];
      if (results !== undefined || returned !== undefined) {
        const chaincodeAction = new peer.ChaincodeAction();
        if (results !== undefined) chaincodeAction.setResults(results);
        if (returned !== undefined) {
          const chaincodeResponse = new peer.Response();
          chaincodeResponse.setStatus(200);
          chaincodeResponse.setPayload(returned);
          chaincodeAction.setResponse(chaincodeResponse);
        }
        const response = new peer.ProposalResponsePayload();
        response.setExtension$(chaincodeAction.serializeBinary());
        endorsed.setProposalResponsePayload(response.serializeBinary());
      }
      endorsed.setEndorsementsList(
        endorsements.map(({ mspId, certificate }) => {
          const endorsement = new peer.Endorsement();
          endorsement.setEndorser(serializedIdentity(mspId, certificate));
          endorsement.setSignature(Buffer.from('signature'));
          return endorsement;
        }),
      );
      const actionPayload = new peer.ChaincodeActionPayload();
      actionPayload.setAction(endorsed);
      const action = new peer.TransactionAction();
      action.setHeader(signatureHeader.serializeBinary());
      action.setPayload(actionPayload.serializeBinary());
      return action;
    }),
  );

  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(transaction.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  envelope.setSignature(Buffer.from('signature'));
  const processed = new peer.ProcessedTransaction();
  processed.setTransactionenvelope(envelope);
  processed.setValidationcode(tx.validationCode ?? peer.TxValidationCode.VALID);
  return processed.serializeBinary();
}

/**
 * Appends ChannelHeader.timestamp (field 3, a google.protobuf.Timestamp { seconds = 1; nanos = 2 })
 * to the serialised header. Protobuf readers accept fields in any order, and this avoids importing
 * google-protobuf's Timestamp class, for which no typings are installed.
 */
function withTimestamp(header: Uint8Array, timestamp?: { seconds: number; nanos: number }): Uint8Array {
  if (timestamp === undefined) return header;
  const message = Buffer.concat([
    Buffer.of(0x08),
    varint(timestamp.seconds),
    Buffer.of(0x10),
    varint(timestamp.nanos),
  ]);
  return Buffer.concat([header, Buffer.of(0x1a), varint(message.length), message]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
