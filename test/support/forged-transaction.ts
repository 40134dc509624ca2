import { createHash } from 'node:crypto';
import { type Gateway, type Proposal, type Transaction } from '@hyperledger/fabric-gateway';
import { common, gateway as gatewayProtos, ledger, peer } from '@hyperledger/fabric-protos';
import { signLowS } from './low-s-signature';
import { type SigningMaterial, serializedIdentity } from './signing-material';

// The transaction a department running MODIFIED chaincode on its own peer could put on the channel,
// built by hand so that no modified chaincode is needed: whatever such chaincode computes ends up as
// the read-write set of a proposal response its peer signs, and that response is all the orderer and
// the committing peers ever see of it. So the client's proposal is an ordinary one (fabric-gateway
// builds it; it is never sent to a peer), and everything a peer would return is made up here:
//
//   Envelope { payload, signature: the client's, over payload }
//     Payload { header: the proposal's Header, data: Transaction }
//       Transaction { actions: [{ header: the proposal's SignatureHeader, payload: ChaincodeActionPayload }] }
//         ChaincodeActionPayload { chaincode_proposal_payload: the proposal's (no transient data),
//           action: { proposal_response_payload, endorsements: [{ endorser, signature(prp ‖ endorser) }] } }
//             ProposalResponsePayload { proposal_hash: SHA-256(channel header ‖ signature header ‖ payload),
//               extension: ChaincodeAction { results: TxReadWriteSet, response: 200, chaincode_id } }
//
// Fabric checks at commit that all this hangs together (the proposal hash, the transaction id, every
// signature and its low S) and then judges each namespace the read-write set writes by that
// namespace's endorsement policy. A forgery built right fails only that last check.

/** A key that does not exist yet and the value the forgery gives it. */
export interface StateCreation {
  /** The namespace: a chaincode definition's name (ChaincodeNames). */
  readonly namespace: string;
  readonly key: string;
  readonly value: Uint8Array;
}

export interface ForgedTransaction {
  /** The client's proposal for the definition the transaction claims to invoke; never endorsed. */
  readonly proposal: Proposal;
  /** The invoked definition's version, as its endorsing peer would name it (Fabric needs one). */
  readonly chaincodeVersion: string;
  /** What the "chaincode" creates, in any namespaces: each a read of the absent key and a write. */
  readonly creations: readonly StateCreation[];
  /** The peers whose signing keys endorse the response. */
  readonly endorsers: readonly SigningMaterial[];
  /** The proposal's creator (the gateway connection's identity): signs the envelope. */
  readonly client: SigningMaterial;
  /** A chaincode event the "chaincode" emits, as a listener of the invoked definition receives it. */
  readonly event?: { readonly name: string; readonly payload: Uint8Array };
}

/** The forged transaction, signed and ready to submit through `gateway` (any peer's). */
export function forgedTransaction(gateway: Gateway, forged: ForgedTransaction): Transaction {
  const { header, payload } = unpackProposal(forged.proposal);
  requireCreator(header, forged.client);
  const response = responsePayload(header, payload, forged).serializeBinary();

  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(response);
  endorsed.setEndorsementsList(forged.endorsers.map((endorser) => endorsement(response, endorser)));
  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setChaincodeProposalPayload(payload);
  actionPayload.setAction(endorsed);
  const action = new peer.TransactionAction();
  action.setHeader(header.getSignatureHeader_asU8());
  action.setPayload(actionPayload.serializeBinary());
  const transaction = new peer.Transaction();
  transaction.setActionsList([action]);

  const envelopePayload = new common.Payload();
  envelopePayload.setHeader(header);
  envelopePayload.setData(transaction.serializeBinary());
  const payloadBytes = envelopePayload.serializeBinary();
  const envelope = new common.Envelope();
  envelope.setPayload(payloadBytes);
  const prepared = new gatewayProtos.PreparedTransaction();
  prepared.setTransactionId(forged.proposal.getTransactionId());
  prepared.setEnvelope(envelope);
  return gateway.newSignedTransaction(
    prepared.serializeBinary(),
    signLowS(forged.client.privateKey, payloadBytes),
  );
}

/** The proposal's header and its chaincode proposal payload without transient data (as a transaction holds it). */
function unpackProposal(proposal: Proposal): { header: common.Header; payload: Uint8Array } {
  const signed = gatewayProtos.ProposedTransaction.deserializeBinary(proposal.getBytes()).getProposal();
  if (!signed) throw new Error('the proposal holds no signed proposal');
  const unsigned = peer.Proposal.deserializeBinary(signed.getProposalBytes_asU8());
  const payload = peer.ChaincodeProposalPayload.deserializeBinary(unsigned.getPayload_asU8());
  payload.clearTransientmapMap();
  return {
    header: common.Header.deserializeBinary(unsigned.getHeader_asU8()),
    payload: payload.serializeBinary(),
  };
}

/** The envelope's signer must be the proposal's creator, or Fabric refuses the signature outright. */
function requireCreator(header: common.Header, client: SigningMaterial): void {
  const creator = common.SignatureHeader.deserializeBinary(
    header.getSignatureHeader_asU8(),
  ).getCreator_asU8();
  if (!Buffer.from(creator).equals(Buffer.from(serializedIdentity(client)))) {
    throw new Error(`the proposal was not created by ${client.mspId}'s client given to sign the envelope`);
  }
}

/** The chaincode definition the proposal invokes (its channel header's extension). */
function invokedChaincode(header: common.Header): string {
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  const extension = peer.ChaincodeHeaderExtension.deserializeBinary(channelHeader.getExtension_asU8());
  const name = extension.getChaincodeId()?.getName();
  if (!name) throw new Error('the proposal names no chaincode');
  return name;
}

/** What the endorsing peer would return: the proposal's hash and the chaincode's action. */
function responsePayload(
  header: common.Header,
  payload: Uint8Array,
  forged: ForgedTransaction,
): peer.ProposalResponsePayload {
  const chaincodeId = new peer.ChaincodeID();
  chaincodeId.setName(invokedChaincode(header));
  chaincodeId.setVersion(forged.chaincodeVersion);
  const response = new peer.Response();
  response.setStatus(200);
  response.setPayload(Buffer.from('{}', 'utf8'));
  const action = new peer.ChaincodeAction();
  action.setResults(readWriteSet(forged.creations).serializeBinary());
  action.setResponse(response);
  action.setChaincodeId(chaincodeId);
  if (forged.event !== undefined) {
    const event = new peer.ChaincodeEvent();
    event.setChaincodeId(chaincodeId.getName());
    event.setTxId(forged.proposal.getTransactionId());
    event.setEventName(forged.event.name);
    event.setPayload(forged.event.payload);
    action.setEvents(event.serializeBinary());
  }

  const result = new peer.ProposalResponsePayload();
  result.setProposalHash(
    createHash('sha256')
      .update(header.getChannelHeader_asU8())
      .update(header.getSignatureHeader_asU8())
      .update(payload)
      .digest(),
  );
  result.setExtension$(action.serializeBinary());
  return result;
}

/**
 * The read-write set of the creations, per namespace, sorted as a peer sorts it. Each key is read
 * first with no version (what a GetState of an absent key records, so the creation is valid only if
 * the key is still absent at commit), then written.
 */
function readWriteSet(creations: readonly StateCreation[]): ledger.rwset.TxReadWriteSet {
  const namespaces = [...new Set(creations.map((creation) => creation.namespace))].sort();
  const result = new ledger.rwset.TxReadWriteSet();
  result.setDataModel(ledger.rwset.TxReadWriteSet.DataModel.KV);
  result.setNsRwsetList(
    namespaces.map((namespace) => {
      const own = creations
        .filter((creation) => creation.namespace === namespace)
        .sort((a, b) => Buffer.compare(Buffer.from(a.key, 'utf8'), Buffer.from(b.key, 'utf8')));
      const kv = new ledger.rwset.kvrwset.KVRWSet();
      kv.setReadsList(own.map(({ key }) => absentRead(key)));
      kv.setWritesList(own.map(({ key, value }) => write(key, value)));
      const set = new ledger.rwset.NsReadWriteSet();
      set.setNamespace(namespace);
      set.setRwset(kv.serializeBinary());
      return set;
    }),
  );
  return result;
}

function absentRead(key: string): ledger.rwset.kvrwset.KVRead {
  const read = new ledger.rwset.kvrwset.KVRead();
  read.setKey(key);
  return read;
}

function write(key: string, value: Uint8Array): ledger.rwset.kvrwset.KVWrite {
  const result = new ledger.rwset.kvrwset.KVWrite();
  result.setKey(key);
  result.setValue(value);
  return result;
}

/** A peer's endorsement: its identity and its signature over the response payload and that identity. */
function endorsement(responsePayload: Uint8Array, endorser: SigningMaterial): peer.Endorsement {
  const identity = serializedIdentity(endorser);
  const result = new peer.Endorsement();
  result.setEndorser(identity);
  result.setSignature(signLowS(endorser.privateKey, Buffer.concat([responsePayload, identity])));
  return result;
}
