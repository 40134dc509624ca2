// Many keys in one round trip to the peer. Each getState/putState of the Node shim is a message to the
// peer and a wait for its answer, one at a time per transaction; a 1000-scan batch made about 3000 of
// them and spent most of its endorsement time waiting. Fabric 3.1 peers also accept GET_STATE_MULTIPLE
// (many reads, one answer) and WRITE_BATCH_STATE (many writes, private data too, one answer): the Go
// shim uses them, fabric-shim 2.5.8 (the newest Node shim) does not yet. This module speaks those two
// messages through the shim's own per-transaction message queue, so ordering with the transaction's
// other calls is kept.
//
// The read and write sets the peer builds are the same as with one call per key: the peer's handlers
// call the same simulator methods for each key. Where the stub is not the shim's (unit tests' in-memory
// stub) the same interface falls back to one call per key.

import { createRequire } from 'node:module';
import { peer as currentProtos } from '@hyperledger/fabric-protos';
import { type ChaincodeStub } from 'fabric-shim';

/**
 * Message and record types of Fabric 3.1's peer/chaincode_shim.proto. Not read from the protos
 * package: its generated code registers classes on one global namespace, and fabric-shim's older copy
 * (loaded first) keeps the ChaincodeMessage.Type enum that lacks these two.
 */
export const BatchMessageTypes = { WriteBatchState: 24, GetStateMultiple: 25 } as const;
export const WriteRecordTypes = { PutState: 9, DelState: 10 } as const;

/** Keys per message; the peer's default `chaincode.runtimeParams.maxSize*` (1000) for both kinds. */
export const MAX_KEYS_PER_MESSAGE = 1000;

/** Reads of many world-state keys and writes of many keys (world state or private data). */
export interface StateBatches {
  /** The values of `keys`, in order; an empty array where a key has no value. */
  getStates(keys: readonly string[]): Promise<Uint8Array[]>;
  /** Applies every write in order; a later write of the same key wins, as with successive calls. */
  putStates(writes: readonly StateWrite[]): Promise<void>;
}

/** One put (value) or delete (value null), of world state or, with `collection`, of private data. */
export interface StateWrite {
  readonly key: string;
  readonly value: Uint8Array | null;
  readonly collection?: string;
}

/** The part of fabric-shim's handler this module uses (an internal of fabric-shim 2.5.x). */
interface ShimHandler {
  _askPeerAndListen(message: unknown, method: string): Promise<unknown>;
}

/** The batched messages where the stub talks to a peer through fabric-shim, else one call per key. */
export function stateBatches(stub: ChaincodeStub): StateBatches {
  const handler = shimHandlerOf(stub);
  return handler === undefined ? new PerKeyCalls(stub) : new PeerBatchMessages(stub, handler);
}

function shimHandlerOf(stub: ChaincodeStub): ShimHandler | undefined {
  const handler: unknown = (stub as unknown as { handler?: unknown }).handler;
  if (
    typeof handler === 'object' &&
    handler !== null &&
    typeof (handler as Partial<ShimHandler>)._askPeerAndListen === 'function'
  ) {
    return handler as ShimHandler;
  }
  return undefined;
}

/**
 * fabric-shim writes only its own copy of the ChaincodeMessage class to the peer stream (its gRPC
 * serializer checks `instanceof`), so the envelope comes from the copy fabric-shim resolves; the
 * payloads, new in Fabric 3.1's protos, from ours.
 */
interface EnvelopeClass {
  new (): {
    setType(type: number): void;
    setPayload(payload: Uint8Array): void;
    setTxid(txId: string): void;
    setChannelId(channelId: string): void;
  };
}

let shimEnvelope: EnvelopeClass | undefined;

function envelopeClass(): EnvelopeClass {
  if (shimEnvelope === undefined) {
    const fromShim = createRequire(require.resolve('fabric-shim'));
    const protos = fromShim('@hyperledger/fabric-protos') as { peer: { ChaincodeMessage: EnvelopeClass } };
    shimEnvelope = protos.peer.ChaincodeMessage;
  }
  return shimEnvelope;
}

export class PeerBatchMessages implements StateBatches {
  constructor(
    private readonly stub: ChaincodeStub,
    private readonly handler: ShimHandler,
    private readonly envelope: EnvelopeClass = envelopeClass(),
  ) {}

  async getStates(keys: readonly string[]): Promise<Uint8Array[]> {
    const values: Uint8Array[] = [];
    for (const chunk of chunks(keys)) {
      const request = new currentProtos.GetStateMultiple();
      request.setKeysList([...chunk]);
      const answer = await this.ask(BatchMessageTypes.GetStateMultiple, request, 'GetStateMultiple');
      const found = currentProtos.GetStateMultipleResult.deserializeBinary(answer).getValuesList_asU8();
      if (found.length !== chunk.length) {
        throw new Error(`the peer answered ${found.length} values for ${chunk.length} keys`);
      }
      values.push(...found);
    }
    return values;
  }

  async putStates(writes: readonly StateWrite[]): Promise<void> {
    for (const chunk of chunks(writes)) {
      const batch = new currentProtos.WriteBatchState();
      batch.setRecList(
        chunk.map(({ key, value, collection }) => {
          const record = new currentProtos.WriteRecord();
          record.setKey(key);
          record.setCollection(collection ?? '');
          if (value === null) {
            record.setType(WriteRecordTypes.DelState);
          } else {
            record.setValue(value);
            record.setType(WriteRecordTypes.PutState);
          }
          return record;
        }),
      );
      await this.ask(BatchMessageTypes.WriteBatchState, batch, 'WriteBatchState');
    }
  }

  private async ask(
    type: number,
    payload: { serializeBinary(): Uint8Array },
    method: string,
  ): Promise<Uint8Array> {
    const message = new this.envelope();
    message.setType(type);
    message.setPayload(payload.serializeBinary());
    message.setTxid(this.stub.getTxID());
    message.setChannelId(this.stub.getChannelID());
    // The shim answers a method it does not know with the RESPONSE payload as a Buffer, and turns an
    // ERROR message from the peer into a rejection carrying the peer's text.
    const answer = await this.handler._askPeerAndListen(message, method);
    if (!(answer instanceof Uint8Array)) {
      throw new Error(`fabric-shim answered ${method} with ${typeof answer}, not bytes`);
    }
    return answer;
  }
}

class PerKeyCalls implements StateBatches {
  constructor(private readonly stub: ChaincodeStub) {}

  async getStates(keys: readonly string[]): Promise<Uint8Array[]> {
    const values: Uint8Array[] = [];
    for (const key of keys) {
      values.push(await this.stub.getState(key));
    }
    return values;
  }

  async putStates(writes: readonly StateWrite[]): Promise<void> {
    for (const { key, value, collection } of writes) {
      if (collection === undefined) {
        await (value === null ? this.stub.deleteState(key) : this.stub.putState(key, value));
      } else {
        await (value === null
          ? this.stub.deletePrivateData(collection, key)
          : this.stub.putPrivateData(collection, key, value));
      }
    }
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_KEYS_PER_MESSAGE) {
    result.push(items.slice(start, start + MAX_KEYS_PER_MESSAGE));
  }
  return result;
}
