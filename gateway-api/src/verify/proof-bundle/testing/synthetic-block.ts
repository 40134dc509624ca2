import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';

import { common, ledger, msp, peer } from '@hyperledger/fabric-protos';

import { tlv } from '../../../../test/support/test-certificate';
import { configValues, subGroups } from './proto-map';

// Test-only: Fabric blocks assembled with fabric-protos exactly as a peer would commit them, signed
// with real keys, so the proof-bundle builder and verifier are tested against the real structures:
//
//   Envelope { payload: Payload { header { channel_header, signature_header }, data: Transaction },
//              signature: creator's signature over payload }
//   Transaction.actions[0] { header: signature_header, payload: ChaincodeActionPayload {
//     chaincode_proposal_payload, action { proposal_response_payload, endorsements[] } } }
//   endorsement.signature = endorser's signature over proposal_response_payload || endorser

export interface SyntheticSigner {
  readonly mspId: string;
  readonly certificate: string;
  readonly privateKey: KeyObject;
}

export interface SyntheticWrite {
  readonly key: string;
  readonly value?: string | Uint8Array;
  readonly isDelete?: boolean;
}

export interface SyntheticTransactionInput {
  readonly channel: string;
  readonly chaincode: string;
  readonly creator: SyntheticSigner;
  readonly endorsers: readonly SyntheticSigner[];
  readonly writes: readonly SyntheticWrite[];
  readonly timestamp: Date;
  readonly headerType?: number;
  /** Overrides the derived txId (to build a transaction whose id is not SHA-256(nonce || creator)). */
  readonly txId?: string;
}

export interface SyntheticTransaction {
  readonly txId: string;
  readonly envelope: Uint8Array;
}

export function serializedIdentity(mspId: string, certificate: string): Uint8Array {
  const identity = new msp.SerializedIdentity();
  identity.setMspid(mspId);
  identity.setIdBytes(Buffer.from(certificate, 'utf8'));
  return identity.serializeBinary();
}

/** An endorser transaction envelope with a consistent txId, proposal hash and signatures. */
export function endorserTransaction(input: SyntheticTransactionInput): SyntheticTransaction {
  const creator = serializedIdentity(input.creator.mspId, input.creator.certificate);
  const nonce = randomBytes(24);
  const txId = input.txId ?? sha256(nonce, creator).toString('hex');

  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(creator);
  signatureHeader.setNonce(nonce);
  const signatureHeaderBytes = signatureHeader.serializeBinary();
  const channelHeaderBytes = channelHeader(input, txId);

  const proposalPayload = new peer.ChaincodeProposalPayload();
  proposalPayload.setInput(Buffer.from('synthetic invocation'));
  const proposalPayloadBytes = proposalPayload.serializeBinary();

  const responsePayload = new peer.ProposalResponsePayload();
  responsePayload.setProposalHash(sha256(channelHeaderBytes, signatureHeaderBytes, proposalPayloadBytes));
  responsePayload.setExtension$(chaincodeAction(input).serializeBinary());
  const responsePayloadBytes = responsePayload.serializeBinary();

  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(responsePayloadBytes);
  endorsed.setEndorsementsList(
    input.endorsers.map((endorser) => endorsement(endorser, responsePayloadBytes)),
  );
  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setChaincodeProposalPayload(proposalPayloadBytes);
  actionPayload.setAction(endorsed);
  const action = new peer.TransactionAction();
  action.setHeader(signatureHeaderBytes);
  action.setPayload(actionPayload.serializeBinary());
  const transaction = new peer.Transaction();
  transaction.setActionsList([action]);

  const header = new common.Header();
  header.setChannelHeader(channelHeaderBytes);
  header.setSignatureHeader(signatureHeaderBytes);
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(transaction.serializeBinary());
  const payloadBytes = payload.serializeBinary();
  const envelope = new common.Envelope();
  envelope.setPayload(payloadBytes);
  envelope.setSignature(sign('sha256', payloadBytes, input.creator.privateKey));
  return { txId, envelope: envelope.serializeBinary() };
}

function channelHeader(input: SyntheticTransactionInput, txId: string): Uint8Array {
  const header = new common.ChannelHeader();
  header.setType(input.headerType ?? common.HeaderType.ENDORSER_TRANSACTION);
  header.setChannelId(input.channel);
  header.setTxId(txId);
  return withTimestamp(header.serializeBinary(), input.timestamp);
}

function chaincodeAction(input: SyntheticTransactionInput): peer.ChaincodeAction {
  const kvSet = new ledger.rwset.kvrwset.KVRWSet();
  kvSet.setWritesList(
    input.writes.map(({ key, value, isDelete }) => {
      const write = new ledger.rwset.kvrwset.KVWrite();
      write.setKey(key);
      write.setIsDelete(isDelete ?? false);
      write.setValue(typeof value === 'string' ? Buffer.from(value, 'utf8') : (value ?? new Uint8Array()));
      return write;
    }),
  );
  const namespaceSet = new ledger.rwset.NsReadWriteSet();
  namespaceSet.setNamespace(input.chaincode);
  namespaceSet.setRwset(kvSet.serializeBinary());
  const readWriteSet = new ledger.rwset.TxReadWriteSet();
  readWriteSet.setDataModel(ledger.rwset.TxReadWriteSet.DataModel.KV);
  readWriteSet.setNsRwsetList([namespaceSet]);
  const chaincodeId = new peer.ChaincodeID();
  chaincodeId.setName(input.chaincode);
  const action = new peer.ChaincodeAction();
  action.setResults(readWriteSet.serializeBinary());
  action.setChaincodeId(chaincodeId);
  return action;
}

function endorsement(endorser: SyntheticSigner, responsePayload: Uint8Array): peer.Endorsement {
  const identity = serializedIdentity(endorser.mspId, endorser.certificate);
  const result = new peer.Endorsement();
  result.setEndorser(identity);
  result.setSignature(sign('sha256', Buffer.concat([responsePayload, identity]), endorser.privateKey));
  return result;
}

export interface SyntheticBlockInput {
  readonly number: number;
  readonly envelopes: readonly Uint8Array[];
  /** One validation code per envelope; all VALID when omitted. */
  readonly validationCodes?: readonly number[];
  /** The orderer that signs the block; unsigned (like a genesis block) when omitted. */
  readonly signedBy?: SyntheticSigner;
  /** The configuration block in force, recorded in the signed OrdererBlockMetadata; default 0. */
  readonly lastConfig?: number;
}

/**
 * A committed block: header with Fabric's data hash, the envelopes, the orderer's signature in the
 * SIGNATURES metadata (when `signedBy` is given) and the TRANSACTIONS_FILTER.
 */
export function committedBlock(input: SyntheticBlockInput): Uint8Array {
  const header = new common.BlockHeader();
  header.setNumber(input.number);
  header.setPreviousHash(randomBytes(32));
  header.setDataHash(sha256(...input.envelopes));
  const data = new common.BlockData();
  data.setDataList([...input.envelopes]);
  const filter = input.validationCodes ?? input.envelopes.map(() => peer.TxValidationCode.VALID);
  const signatures =
    input.signedBy === undefined
      ? new Uint8Array()
      : ordererSignatures(header, input.signedBy, input.lastConfig ?? 0);
  const metadata = new common.BlockMetadata();
  // SIGNATURES, LAST_CONFIG (unused since Fabric 2), TRANSACTIONS_FILTER, ORDERER (unused)
  metadata.setMetadataList([signatures, new Uint8Array(), Uint8Array.from(filter), new Uint8Array()]);
  const block = new common.Block();
  block.setHeader(header);
  block.setData(data);
  block.setMetadata(metadata);
  return block.serializeBinary();
}

/**
 * The SIGNATURES metadata as a Raft orderer writes it: value = OrdererBlockMetadata { last_config },
 * one MetadataSignature whose signature covers value ‖ signature header ‖ ASN.1 DER of the header.
 */
export function ordererSignatures(
  header: common.BlockHeader,
  orderer: SyntheticSigner,
  lastConfig: number,
): Uint8Array {
  const last = new common.LastConfig();
  last.setIndex(lastConfig);
  const ordererMetadata = new common.OrdererBlockMetadata();
  ordererMetadata.setLastConfig(last);
  const value = ordererMetadata.serializeBinary();
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(serializedIdentity(orderer.mspId, orderer.certificate));
  signatureHeader.setNonce(randomBytes(24));
  const signatureHeaderBytes = signatureHeader.serializeBinary();
  const signature = new common.MetadataSignature();
  signature.setSignatureHeader(signatureHeaderBytes);
  signature.setSignature(
    sign('sha256', Buffer.concat([value, signatureHeaderBytes, headerDer(header)]), orderer.privateKey),
  );
  const metadata = new common.Metadata();
  metadata.setValue(value);
  metadata.setSignaturesList([signature]);
  return metadata.serializeBinary();
}

/**
 * Fabric's protoutil.BlockHeaderBytes: DER of SEQUENCE { INTEGER number, OCTET STRING previous_hash,
 * OCTET STRING data_hash }. Written for the tests independently of the verifier's own encoder, so a
 * mistake in one is caught by the other (and both by the real network's blocks); the DER element
 * writer is the test certificates' (gateway-api/test/support/test-certificate.ts).
 */
export function headerDer(header: common.BlockHeader): Buffer {
  let hex = BigInt(header.getNumber()).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let integer = Buffer.from(hex, 'hex');
  if ((integer[0] ?? 0) >= 0x80) integer = Buffer.concat([Buffer.of(0), integer]);
  return tlv(
    0x30,
    Buffer.concat([
      tlv(0x02, integer),
      tlv(0x04, Buffer.from(header.getPreviousHash_asU8())),
      tlv(0x04, Buffer.from(header.getDataHash_asU8())),
    ]),
  );
}

export interface SyntheticOrganization {
  readonly mspId: string;
  readonly rootCerts: readonly string[];
  readonly intermediateCerts?: readonly string[];
  /** PEM CRLs of the org's CAs (FabricMSPConfig.revocation_list). */
  readonly revocationList?: readonly string[];
  /** Whether the MSP classifies identities by OU (client, peer, admin, orderer); default true. */
  readonly nodeOUs?: boolean;
}

export interface SyntheticConfigInput {
  readonly channel: string;
  readonly application: readonly SyntheticOrganization[];
  readonly orderer: readonly SyntheticOrganization[];
  /** The block's number; 0 (the genesis block) when omitted. */
  readonly number?: number;
  /** Config.sequence: how many updates the configuration has had; defaults to `number === 0 ? 0 : 1`. */
  readonly sequence?: number;
  /** The orderer that signs a later configuration block; a genesis block is unsigned. */
  readonly signedBy?: SyntheticSigner;
  /** The configuration envelope's time; now when omitted. */
  readonly timestamp?: Date;
}

/** A configuration block defining each organisation's MSP (the genesis block by default). */
export function configBlock(input: SyntheticConfigInput): Uint8Array {
  const channelGroup = new common.ConfigGroup();
  subGroups(channelGroup).set('Application', organizationsGroup(input.application));
  subGroups(channelGroup).set('Orderer', organizationsGroup(input.orderer));
  const number = input.number ?? 0;
  const config = new common.Config();
  config.setSequence(input.sequence ?? (number === 0 ? 0 : 1));
  config.setChannelGroup(channelGroup);
  const configEnvelope = new common.ConfigEnvelope();
  configEnvelope.setConfig(config);

  const header = new common.ChannelHeader();
  header.setType(common.HeaderType.CONFIG);
  header.setChannelId(input.channel);
  const payloadHeader = new common.Header();
  payloadHeader.setChannelHeader(withTimestamp(header.serializeBinary(), input.timestamp ?? new Date()));
  const payload = new common.Payload();
  payload.setHeader(payloadHeader);
  payload.setData(configEnvelope.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return committedBlock({
    number,
    envelopes: [envelope.serializeBinary()],
    ...(input.signedBy !== undefined && { signedBy: input.signedBy, lastConfig: number }),
  });
}

function organizationsGroup(organizations: readonly SyntheticOrganization[]): common.ConfigGroup {
  const group = new common.ConfigGroup();
  for (const organization of organizations) {
    const fabricConfig = new msp.FabricMSPConfig();
    fabricConfig.setName(organization.mspId);
    fabricConfig.setRootCertsList(organization.rootCerts.map((pem) => Buffer.from(pem, 'utf8')));
    fabricConfig.setIntermediateCertsList(
      (organization.intermediateCerts ?? []).map((pem) => Buffer.from(pem, 'utf8')),
    );
    fabricConfig.setRevocationListList(
      (organization.revocationList ?? []).map((pem) => Buffer.from(pem, 'utf8')),
    );
    if (organization.nodeOUs ?? true) fabricConfig.setFabricNodeOus(nodeOUs());
    const mspConfig = new msp.MSPConfig();
    mspConfig.setType(0);
    mspConfig.setConfig(fabricConfig.serializeBinary());
    const value = new common.ConfigValue();
    value.setValue(mspConfig.serializeBinary());
    const orgGroup = new common.ConfigGroup();
    configValues(orgGroup).set('MSP', value);
    // configtx names the group after the org, not necessarily its MSP id
    subGroups(group).set(organization.mspId.replace(/MSP$/, ''), orgGroup);
  }
  return group;
}

/** Node OUs as cryptogen's EnableNodeOUs writes them: an OU name per role, no certificate. */
function nodeOUs(): msp.FabricNodeOUs {
  const identifier = (ou: string): msp.FabricOUIdentifier => {
    const id = new msp.FabricOUIdentifier();
    id.setOrganizationalUnitIdentifier(ou);
    return id;
  };
  const ous = new msp.FabricNodeOUs();
  ous.setEnable(true);
  ous.setClientOuIdentifier(identifier('client'));
  ous.setPeerOuIdentifier(identifier('peer'));
  ous.setAdminOuIdentifier(identifier('admin'));
  ous.setOrdererOuIdentifier(identifier('orderer'));
  return ous;
}

export function sha256(...parts: readonly Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/**
 * Appends ChannelHeader.timestamp (field 3, google.protobuf.Timestamp { seconds = 1; nanos = 2 }) to
 * the serialised header: protobuf readers accept fields in any order, and google-protobuf's Timestamp
 * class has no typings here.
 */
function withTimestamp(header: Uint8Array, at: Date): Uint8Array {
  const milliseconds = at.getTime();
  const seconds = Math.floor(milliseconds / 1000);
  const nanos = (milliseconds - seconds * 1000) * 1e6;
  const message = Buffer.concat([Buffer.of(0x08), varint(seconds), Buffer.of(0x10), varint(nanos)]);
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
