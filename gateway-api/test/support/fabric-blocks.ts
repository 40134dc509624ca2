import { common, ledger, peer } from '@hyperledger/fabric-protos';

import { serializedIdentity, type TestEndorsement } from './fabric-envelopes';

// Test-only: common.Block values shaped like those fabric-gateway's getBlockEvents yields, built
// with @hyperledger/fabric-protos.

export interface TestChaincodeEvent {
  readonly chaincodeId: string;
  readonly eventName: string;
  readonly payload?: string;
  /** Defaults to the transaction's id; '' makes an event Fabric does not deliver. */
  readonly txId?: string;
}

export interface TestAction {
  readonly endorsements?: readonly TestEndorsement[];
  readonly event?: TestChaincodeEvent;
  /** Per namespace: the keys it writes (each with a value) and the keys it only reads. */
  readonly rwsets?: readonly TestNamespaceRwset[];
}

export interface TestNamespaceRwset {
  readonly namespace: string;
  readonly writes?: readonly string[];
  readonly deletes?: readonly string[];
  readonly reads?: readonly string[];
  /** A private data collection's hashed writes, as a block carries them. */
  readonly hashedWritesIn?: string;
}

export interface TestBlockTransaction {
  readonly txId: string;
  /** peer.TxValidationCode in the block's TRANSACTIONS_FILTER; VALID by default. */
  readonly validationCode?: number;
  readonly headerType?: number;
  readonly creator?: { readonly mspId: string; readonly idBytes: string | Uint8Array };
  readonly actions?: readonly TestAction[];
}

export interface TestBlockOptions {
  /** Leave out the TRANSACTIONS_FILTER metadata altogether. */
  readonly withoutValidationFlags?: boolean;
}

export function testBlock(
  blockNumber: number,
  transactions: readonly TestBlockTransaction[],
  options: TestBlockOptions = {},
): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(blockNumber);
  const data = new common.BlockData();
  data.setDataList(transactions.map(envelope));
  const metadata = new common.BlockMetadata();
  const flags = Uint8Array.from(transactions.map((tx) => tx.validationCode ?? peer.TxValidationCode.VALID));
  // SIGNATURES, LAST_CONFIG (deprecated), TRANSACTIONS_FILTER, …
  metadata.setMetadataList(
    options.withoutValidationFlags === true ? [] : [new Uint8Array(), new Uint8Array(), flags],
  );
  const block = new common.Block();
  block.setHeader(header);
  block.setData(data);
  block.setMetadata(metadata);
  // what arrives over the wire: serialised, then read back
  return common.Block.deserializeBinary(block.serializeBinary());
}

function envelope(tx: TestBlockTransaction): Uint8Array {
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(tx.headerType ?? common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setChannelId('govtrace');
  channelHeader.setTxId(tx.txId);
  const signatureHeader = new common.SignatureHeader();
  const creator = tx.creator ?? { mspId: 'RegistryMSP', idBytes: 'not a certificate' };
  signatureHeader.setCreator(serializedIdentity(creator.mspId, creator.idBytes));
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());

  const transaction = new peer.Transaction();
  transaction.setActionsList((tx.actions ?? []).map((action) => transactionAction(action, tx.txId)));
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(transaction.serializeBinary());
  const result = new common.Envelope();
  result.setPayload(payload.serializeBinary());
  result.setSignature(Buffer.from('signature'));
  return result.serializeBinary();
}

function transactionAction(action: TestAction, txId: string): peer.TransactionAction {
  const chaincodeAction = new peer.ChaincodeAction();
  if (action.event !== undefined) chaincodeAction.setEvents(chaincodeEvent(action.event, txId));
  if (action.rwsets !== undefined) chaincodeAction.setResults(readWriteSet(action.rwsets));
  const response = new peer.ProposalResponsePayload();
  response.setProposalHash(Buffer.from('proposal hash'));
  response.setExtension$(chaincodeAction.serializeBinary());

  const endorsed = new peer.ChaincodeEndorsedAction();
  endorsed.setProposalResponsePayload(response.serializeBinary());
  endorsed.setEndorsementsList(
    (action.endorsements ?? []).map(({ mspId, certificate }) => {
      const endorsement = new peer.Endorsement();
      endorsement.setEndorser(serializedIdentity(mspId, certificate));
      endorsement.setSignature(Buffer.from('signature'));
      return endorsement;
    }),
  );
  const actionPayload = new peer.ChaincodeActionPayload();
  actionPayload.setChaincodeProposalPayload(Buffer.from('the proposal, arguments and all'));
  actionPayload.setAction(endorsed);
  const result = new peer.TransactionAction();
  result.setPayload(actionPayload.serializeBinary());
  return result;
}

function chaincodeEvent(event: TestChaincodeEvent, txId: string): Uint8Array {
  const result = new peer.ChaincodeEvent();
  result.setChaincodeId(event.chaincodeId);
  result.setTxId(event.txId ?? txId);
  result.setEventName(event.eventName);
  result.setPayload(Buffer.from(event.payload ?? '{}'));
  return result.serializeBinary();
}

export function readWriteSet(rwsets: readonly TestNamespaceRwset[]): Uint8Array {
  const { kvrwset } = ledger.rwset;
  const result = new ledger.rwset.TxReadWriteSet();
  result.setDataModel(ledger.rwset.TxReadWriteSet.DataModel.KV);
  result.setNsRwsetList(
    rwsets.map((rwset) => {
      const set = new kvrwset.KVRWSet();
      set.setReadsList(
        (rwset.reads ?? []).map((key) => {
          const read = new kvrwset.KVRead();
          read.setKey(key);
          const version = new kvrwset.Version();
          version.setBlockNum(3);
          version.setTxNum(1);
          read.setVersion(version);
          return read;
        }),
      );
      const write = (key: string, isDelete: boolean): ledger.rwset.kvrwset.KVWrite => {
        const kvWrite = new kvrwset.KVWrite();
        kvWrite.setKey(key);
        kvWrite.setIsDelete(isDelete);
        if (!isDelete) kvWrite.setValue(Buffer.from(`{"value of":"${key}"}`));
        return kvWrite;
      };
      set.setWritesList([
        ...(rwset.writes ?? []).map((key) => write(key, false)),
        ...(rwset.deletes ?? []).map((key) => write(key, true)),
      ]);
      const namespace = new ledger.rwset.NsReadWriteSet();
      namespace.setNamespace(rwset.namespace);
      namespace.setRwset(set.serializeBinary());
      if (rwset.hashedWritesIn !== undefined) {
        const hashed = new kvrwset.HashedRWSet();
        const hashedWrite = new kvrwset.KVWriteHash();
        hashedWrite.setKeyHash(Buffer.from('key hash'));
        hashedWrite.setValueHash(Buffer.from('value hash'));
        hashed.setHashedWritesList([hashedWrite]);
        const collection = new ledger.rwset.CollectionHashedReadWriteSet();
        collection.setCollectionName(rwset.hashedWritesIn);
        collection.setHashedRwset(hashed.serializeBinary());
        namespace.setCollectionHashedRwsetList([collection]);
      }
      return namespace;
    }),
  );
  return result.serializeBinary();
}
