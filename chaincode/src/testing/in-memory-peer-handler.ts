// The peer's side of the two batched chaincode messages (Fabric 3.1's GET_STATE_MULTIPLE and
// WRITE_BATCH_STATE), answered from the in-memory stub as the peer's handler answers them: each key
// read or written as by one getState or putState, so the read and write sets are the same. Hung on
// the stub where fabric-shim hangs its handler, so unit tests run the chaincode's batched path.

import { peer } from '@hyperledger/fabric-protos';
import { BatchMessageTypes, WriteRecordTypes } from '../common/batched-state';

/** What the answering side needs of the stub: public state, one key at a time. */
export interface KeyedState {
  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array): Promise<void>;
  deleteState(key: string): Promise<void>;
  putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void>;
  deletePrivateData(collection: string, key: string): Promise<void>;
}

/** The envelope fabric-shim would write to the peer stream (its own copy of ChaincodeMessage). */
interface Envelope {
  getType(): number;
  getPayload_asU8(): Uint8Array;
}

export class InMemoryPeerHandler {
  /** Every message asked, by type name, so tests can see the batched path was taken. */
  readonly asked: string[] = [];

  constructor(private readonly state: KeyedState) {}

  async _askPeerAndListen(message: Envelope, method: string): Promise<Buffer> {
    this.asked.push(method);
    const payload = message.getPayload_asU8();
    switch (message.getType()) {
      case BatchMessageTypes.GetStateMultiple: {
        const keys = peer.GetStateMultiple.deserializeBinary(payload).getKeysList();
        const answer = new peer.GetStateMultipleResult();
        const values: Uint8Array[] = [];
        for (const key of keys) {
          values.push(await this.state.getState(key));
        }
        answer.setValuesList(values);
        return Buffer.from(answer.serializeBinary());
      }
      case BatchMessageTypes.WriteBatchState: {
        for (const record of peer.WriteBatchState.deserializeBinary(payload).getRecList()) {
          await this.write(record);
        }
        return Buffer.alloc(0);
      }
      default:
        throw new Error(`the in-memory peer does not answer message type ${message.getType()}`);
    }
  }

  private async write(record: peer.WriteRecord): Promise<void> {
    const key = record.getKey();
    const collection = record.getCollection();
    switch (record.getType()) {
      case WriteRecordTypes.PutState:
        await (collection === ''
          ? this.state.putState(key, record.getValue_asU8())
          : this.state.putPrivateData(collection, key, record.getValue_asU8()));
        return;
      case WriteRecordTypes.DelState:
        await (collection === ''
          ? this.state.deleteState(key)
          : this.state.deletePrivateData(collection, key));
        return;
      default:
        throw new Error(`the in-memory peer does not answer write record type ${record.getType()}`);
    }
  }
}
