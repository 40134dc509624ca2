import { createRequire } from 'node:module';
import { peer } from '@hyperledger/fabric-protos';
import { type ChaincodeStub } from 'fabric-shim';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import { identityForRole } from '../testing/test-identity';
import { Roles } from './access';
import {
  BatchMessageTypes,
  MAX_KEYS_PER_MESSAGE,
  PeerBatchMessages,
  stateBatches,
  WriteRecordTypes,
} from './batched-state';
import {
  deletePrivateRecord,
  getRecord,
  prefetchRecords,
  putPrivateRecord,
  putRecord,
  RecordTypes,
  recordKey,
  withBatchedWrites,
} from './ledger';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (value: Uint8Array): string => new TextDecoder().decode(value);

/** Records what reaches the peer and answers from a plain map, as the peer's handler would. */
class RecordingPeer {
  readonly state = new Map<string, Uint8Array>();
  readonly messages: { type: number; txId: string; channelId: string; method: string; size: number }[] = [];

  async _askPeerAndListen(message: ShimEnvelope, method: string): Promise<Buffer> {
    const payload = message.getPayload_asU8();
    const type = message.getType();
    if (type === BatchMessageTypes.GetStateMultiple) {
      const keys = peer.GetStateMultiple.deserializeBinary(payload).getKeysList();
      this.messages.push({
        type,
        txId: message.getTxid(),
        channelId: message.getChannelId(),
        method,
        size: keys.length,
      });
      const answer = new peer.GetStateMultipleResult();
      answer.setValuesList(keys.map((key) => this.state.get(key) ?? new Uint8Array()));
      return Promise.resolve(Buffer.from(answer.serializeBinary()));
    }
    if (type === BatchMessageTypes.WriteBatchState) {
      const records = peer.WriteBatchState.deserializeBinary(payload).getRecList();
      this.messages.push({
        type,
        txId: message.getTxid(),
        channelId: message.getChannelId(),
        method,
        size: records.length,
      });
      for (const record of records) {
        expect(record.getType()).toBe(WriteRecordTypes.PutState);
        this.state.set(record.getKey(), record.getValue_asU8());
      }
      return Promise.resolve(Buffer.alloc(0));
    }
    throw new Error(`unexpected message type ${type}`);
  }
}

interface ShimEnvelope {
  getType(): number;
  getPayload_asU8(): Uint8Array;
  getTxid(): string;
  getChannelId(): string;
}

function shimLikeStub(handler: unknown): ChaincodeStub {
  return { handler, getTxID: () => 'tx-1', getChannelID: () => 'govtrace' } as unknown as ChaincodeStub;
}

describe('batched state messages (Fabric 3.1 GET_STATE_MULTIPLE / WRITE_BATCH_STATE)', () => {
  it('sends fabric-shim its own ChaincodeMessage class, with the type number set', async () => {
    const sent: unknown[] = [];
    const handler = {
      _askPeerAndListen: (message: unknown) => {
        sent.push(message);
        const answer = new peer.GetStateMultipleResult();
        answer.setValuesList([new Uint8Array()]);
        return Promise.resolve(Buffer.from(answer.serializeBinary()));
      },
    };
    await stateBatches(shimLikeStub(handler)).getStates(['k']);
    // fabric-shim's gRPC serializer refuses any other class (instanceof); the type must survive
    // that class's serializer (the enum of fabric-shim's protos copy lacks the batch types)
    const shimProtos = createRequire(require.resolve('fabric-shim'))('@hyperledger/fabric-protos') as {
      peer: { ChaincodeMessage: new () => unknown };
    };
    expect(sent[0]).toBeInstanceOf(shimProtos.peer.ChaincodeMessage);
    const wire = (sent[0] as { serializeBinary(): Uint8Array }).serializeBinary();
    const decoded = peer.ChaincodeMessage.deserializeBinary(wire);
    expect(decoded.getType()).toBe(BatchMessageTypes.GetStateMultiple);
    expect(decoded.getTxid()).toBe('tx-1');
    expect(decoded.getChannelId()).toBe('govtrace');
  });

  it('reads many keys in messages of at most 1000 keys, values in order, missing as empty', async () => {
    const recording = new RecordingPeer();
    recording.state.set('k1', bytes('one'));
    recording.state.set(`k${MAX_KEYS_PER_MESSAGE + 1}`, bytes('last'));
    const keys = Array.from({ length: MAX_KEYS_PER_MESSAGE + 1 }, (_unused, i) => `k${i + 1}`);
    const values = await new PeerBatchMessages(shimLikeStub(recording), recording).getStates(keys);
    expect(values).toHaveLength(keys.length);
    expect(text(values[0] ?? new Uint8Array())).toBe('one');
    expect(values[1]).toHaveLength(0);
    expect(text(values[MAX_KEYS_PER_MESSAGE] ?? new Uint8Array())).toBe('last');
    expect(recording.messages.map((m) => [m.method, m.size, m.txId])).toEqual([
      ['GetStateMultiple', MAX_KEYS_PER_MESSAGE, 'tx-1'],
      ['GetStateMultiple', 1, 'tx-1'],
    ]);
  });

  it('refuses an answer with a different number of values than keys asked', async () => {
    const handler = {
      _askPeerAndListen: () =>
        Promise.resolve(Buffer.from(new peer.GetStateMultipleResult().serializeBinary())),
    };
    await expect(stateBatches(shimLikeStub(handler)).getStates(['a', 'b'])).rejects.toThrow(
      'the peer answered 0 values for 2 keys',
    );
  });

  it('writes many keys in messages of at most 1000 records', async () => {
    const recording = new RecordingPeer();
    const entries = Array.from({ length: 2 * MAX_KEYS_PER_MESSAGE }, (_unused, i) => ({
      key: `w${i}`,
      value: bytes(String(i)),
    }));
    await new PeerBatchMessages(shimLikeStub(recording), recording).putStates(entries);
    expect(recording.messages.map((m) => [m.method, m.size])).toEqual([
      ['WriteBatchState', MAX_KEYS_PER_MESSAGE],
      ['WriteBatchState', MAX_KEYS_PER_MESSAGE],
    ]);
    expect(text(recording.state.get('w1999') ?? new Uint8Array())).toBe('1999');
  });

  it('passes on the peer refusing a message', async () => {
    const handler = { _askPeerAndListen: () => Promise.reject(new Error('peer says no')) };
    await expect(
      stateBatches(shimLikeStub(handler)).putStates([{ key: 'a', value: bytes('x') }]),
    ).rejects.toThrow('peer says no');
  });
});

describe('prefetchRecords and withBatchedWrites (ledger.ts) through the in-memory peer', () => {
  const ledger = new InMemoryLedger();
  const parse = (raw: unknown): unknown => raw;

  it('serves prefetched reads without asking again, with the same read set as one read per key', async () => {
    const seed = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    await putRecord(seed.ctx, recordKey(seed.ctx, RecordTypes.Smoke, 'a'), { value: 1 });
    seed.commit();

    const tx = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    const handler = tx.handler;
    const keyA = recordKey(tx.ctx, RecordTypes.Smoke, 'a');
    const keyB = recordKey(tx.ctx, RecordTypes.Smoke, 'b');
    await prefetchRecords(tx.ctx, [keyA, keyB, keyA]);
    expect(await getRecord(tx.ctx, keyA, parse)).toEqual({ value: 1 });
    expect(await getRecord(tx.ctx, keyB, parse)).toBeUndefined();
    expect(handler.asked).toEqual(['GetStateMultiple']);

    // a write committed meanwhile to a prefetched key is a read conflict, as for getState
    const other = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    await putRecord(other.ctx, keyA, { value: 2 });
    other.commit();
    await putRecord(tx.ctx, recordKey(tx.ctx, RecordTypes.Smoke, 'c'), { value: 3 });
    expect(tx.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it('holds writes back until the work ends, then sends them in one message, last write winning', async () => {
    const tx = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    const handler = tx.handler;
    const key = (id: string): string => recordKey(tx.ctx, RecordTypes.Smoke, id);
    const answer = await withBatchedWrites(tx.ctx, async () => {
      await putRecord(tx.ctx, key('x'), { value: 'first' });
      await putRecord(tx.ctx, key('y'), { value: 'y' });
      await putRecord(tx.ctx, key('x'), { value: 'second' });
      // nested: joins the outer batch
      await withBatchedWrites(tx.ctx, () => putRecord(tx.ctx, key('z'), { value: 'z' }));
      expect(handler.asked).toEqual([]);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(handler.asked).toEqual(['WriteBatchState']);
    expect(tx.commit().validationCode).toBe('VALID');
    const reader = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    expect(await getRecord(reader.ctx, key('x'), parse)).toEqual({ value: 'second' });
    expect(await getRecord(reader.ctx, key('z'), parse)).toEqual({ value: 'z' });
  });

  it('sends nothing when the work throws', async () => {
    const tx = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    const handler = tx.handler;
    const key = recordKey(tx.ctx, RecordTypes.Smoke, 'never');
    await expect(
      withBatchedWrites(tx.ctx, async () => {
        await putRecord(tx.ctx, key, { value: 1 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(handler.asked).toEqual([]);
    // outside the batch, writes go to the peer at once again
    await putRecord(tx.ctx, recordKey(tx.ctx, RecordTypes.Smoke, 'now'), { value: 2 });
    expect(tx.commit().validationCode).toBe('VALID');
    expect(
      await getRecord(
        ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) }).ctx,
        key,
        parse,
      ),
    ).toBeUndefined();
  });

  it('holds private puts and deletes back too, each key keeping its last write', async () => {
    const tx = ledger.newTransaction({ identity: identityForRole(Roles.UrbanInspector) });
    const key = (id: string): string => recordKey(tx.ctx, RecordTypes.Smoke, id);
    await withBatchedWrites(tx.ctx, async () => {
      await putPrivateRecord(tx.ctx, 'somePrivate', key('p1'), { value: 1 });
      await putPrivateRecord(tx.ctx, 'somePrivate', key('p2'), { value: 2 });
      await deletePrivateRecord(tx.ctx, 'somePrivate', key('p2'));
      // the same key in world state is another write
      await putRecord(tx.ctx, key('p2'), { value: 'public' });
    });
    expect(tx.handler.asked).toEqual(['WriteBatchState']);
    expect(tx.commit().validationCode).toBe('VALID');
    expect(JSON.parse(String(ledger.getPrivateData('somePrivate', key('p1'))))).toEqual({ value: 1 });
    expect(ledger.getPrivateData('somePrivate', key('p2'))).toBeUndefined();
    expect(JSON.parse(String(ledger.getState(key('p2'))))).toEqual({ value: 'public' });
  });
});
