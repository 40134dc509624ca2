import { createHash } from 'node:crypto';
import { Roles } from '../common/access';
import { InMemoryLedger } from './in-memory-ledger';
import { type InMemoryStub } from './in-memory-stub';
import { identityForRole } from './test-identity';

const identity = identityForRole(Roles.StationOperator, 'station-7');
const text = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');

async function seed(ledger: InMemoryLedger, entries: Record<string, string>): Promise<void> {
  const tx = ledger.newTransaction({ identity });
  for (const key of Object.keys(entries).sort()) {
    await tx.putState(key, Buffer.from(entries[key] ?? ''));
  }
  expect(tx.commit().validationCode).toBe('VALID');
}

async function keysOf(query: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of query) {
    keys.push(key);
  }
  return keys;
}

describe('InMemoryStub transaction information', () => {
  it('wires a context with the real ClientIdentity reading the test certificate', () => {
    const tx = new InMemoryLedger().newTransaction({ identity });
    expect(tx.ctx.stub).toBe(tx);
    expect(tx.ctx.clientIdentity.getMSPID()).toBe('UrbanMSP');
    expect(tx.ctx.clientIdentity.getAttributeValue('govtrace.role')).toBe('station_operator');
    expect(tx.ctx.clientIdentity.getID()).toContain('/CN=station-7::');
    expect(tx.getCreator().mspid).toBe('UrbanMSP');
    expect(text(tx.getCreator().idBytes)).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('gives deterministic, distinct transaction ids and increasing timestamps', () => {
    const ledger = new InMemoryLedger({ startTime: '2026-02-01T00:00:00.000Z' });
    const first = ledger.newTransaction({ identity });
    const second = ledger.newTransaction({ identity });
    expect(first.getTxID()).toMatch(/^[0-9a-f]{64}$/);
    expect(first.getTxID()).not.toBe(second.getTxID());
    expect(first.getDateTimestamp().toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(second.getDateTimestamp().toISOString()).toBe('2026-02-01T00:00:01.000Z');
    expect(
      new InMemoryLedger({ startTime: '2026-02-01T00:00:00.000Z' }).newTransaction({ identity }).getTxID(),
    ).toBe(first.getTxID());
  });

  it('reports the timestamp as the shim does: Long seconds and nanos', () => {
    const tx = new InMemoryLedger().newTransaction({ identity, timestamp: '2026-01-02T03:04:05.678Z' });
    const { seconds, nanos } = tx.getTxTimestamp();
    expect(seconds.toNumber()).toBe(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000);
    expect(nanos).toBe(678_000_000);
  });

  it('refuses an invalid timestamp', () => {
    const ledger = new InMemoryLedger();
    expect(() => ledger.newTransaction({ identity, timestamp: 'yesterday' })).toThrow(
      /invalid transaction timestamp/,
    );
    expect(() => ledger.newTransaction({ identity }).setTxTimestamp('not a date')).toThrow(
      /invalid transaction timestamp/,
    );
  });

  it('exposes transient data and arguments', () => {
    const tx = new InMemoryLedger().newTransaction({
      identity,
      transient: { owner: '{"name":"张三"}', raw: Uint8Array.of(1, 2) },
      args: ['smoke:Put', 'k', 'v'],
    });
    expect(text(tx.getTransient().get('owner'))).toBe('{"name":"张三"}');
    expect([...(tx.getTransient().get('raw') ?? [])]).toEqual([1, 2]);
    expect(tx.getFunctionAndParameters()).toEqual({ fcn: 'smoke:Put', params: ['k', 'v'] });
  });
});

describe('InMemoryStub world state', () => {
  it('returns an empty buffer for a missing key, as the shim does', async () => {
    const tx = new InMemoryLedger().newTransaction({ identity });
    const value = await tx.getState('missing');
    expect(value).toBeInstanceOf(Uint8Array);
    expect(value).toHaveLength(0);
  });

  it('makes writes visible only after commit, and never to the writing transaction', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity });
    const concurrent = ledger.newTransaction({ identity });
    await writer.putState('k', Buffer.from('v1'));
    expect(await writer.getState('k')).toHaveLength(0);
    expect(writer.pendingWrites()).toEqual([
      { chaincodeName: 'govtrace', namespace: '', key: 'k', value: Buffer.from('v1') },
    ]);
    writer.commit();
    expect(text(await concurrent.getState('k'))).toBe('v1');
    expect(text(ledger.getState('k'))).toBe('v1');
  });

  it('deletes with deleteState and with an empty value', async () => {
    const ledger = new InMemoryLedger();
    await seed(ledger, { a: '1', b: '2' });
    const tx = ledger.newTransaction({ identity });
    await tx.deleteState('a');
    await tx.putState('b', new Uint8Array(0));
    tx.commit();
    expect(ledger.stateKeys()).toEqual([]);
  });

  it('refuses to be used after commit', async () => {
    const tx = new InMemoryLedger().newTransaction({ identity });
    tx.commit();
    await expect(tx.getState('k')).rejects.toThrow(/already been committed/);
    expect(() => tx.commit()).toThrow(/already been committed/);
  });
});

describe('InMemoryStub range queries', () => {
  let ledger: InMemoryLedger;
  let tx: InMemoryStub;

  beforeEach(async () => {
    ledger = new InMemoryLedger();
    await seed(ledger, { b: '', a: '1', c: '3', '\uFF21': 'fullwidth A', '😀': 'emoji' });
    const composite = ledger.newTransaction({ identity });
    await composite.putState(composite.createCompositeKey('smoke', ['x']), Buffer.from('c'));
    composite.commit();
    tx = ledger.newTransaction({ identity });
  });

  it('orders keys by UTF-8 bytes like LevelDB and skips composite keys for an empty start', async () => {
    // 'b' was written empty, i.e. deleted. U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80).
    expect(await keysOf(tx.getStateByRange('', ''))).toEqual(['a', 'c', '\uFF21', '😀']);
  });

  it('includes the start key and excludes the end key', async () => {
    expect(await keysOf(tx.getStateByRange('a', 'c'))).toEqual(['a']);
  });

  it('works through the awaited iterator as well', async () => {
    const iterator = await tx.getStateByRange('c', '');
    const first = await iterator.next();
    expect([first.done, first.value.key, text(first.value.value)]).toEqual([false, 'c', '3']);
    await iterator.close();
  });

  it('rejects simple-key ranges that start in the composite key namespace', () => {
    expect(() => tx.getStateByRange('\u0000smoke', '')).toThrow(/null character/);
  });

  it('finds composite keys by partial key', async () => {
    expect(await keysOf(tx.getStateByPartialCompositeKey('smoke', []))).toEqual(['\u0000smoke\u0000x\u0000']);
  });

  it('splits composite keys as the shim does, including its null object type for simple keys', () => {
    expect(tx.splitCompositeKey('\u0000t\u0000a\u0000b\u0000')).toEqual({
      objectType: 't',
      attributes: ['a', 'b'],
    });
    expect(tx.splitCompositeKey('simple').objectType).toBeNull();
    expect(() => tx.createCompositeKey('t', [''])).toThrow(/non-zero length/);
  });
});

describe('InMemoryStub commit validation', () => {
  it('invalidates a transaction whose read key changed meanwhile (MVCC_READ_CONFLICT)', async () => {
    const ledger = new InMemoryLedger();
    await seed(ledger, { counter: '1' });
    const slow = ledger.newTransaction({ identity });
    const fast = ledger.newTransaction({ identity });
    await slow.getState('counter');
    await slow.putState('counter', Buffer.from('slow'));
    slow.setEvent('Changed', Buffer.from('{}'));
    await fast.getState('counter');
    await fast.putState('counter', Buffer.from('fast'));
    expect(fast.commit().validationCode).toBe('VALID');
    const result = slow.commit();
    expect(result.validationCode).toBe('MVCC_READ_CONFLICT');
    expect(result.event).toBeUndefined();
    expect(text(ledger.getState('counter'))).toBe('fast');
    expect(ledger.events).toEqual([]);
  });

  it('detects a key created after it was read as missing', async () => {
    const ledger = new InMemoryLedger();
    const checker = ledger.newTransaction({ identity });
    await checker.getState('certificate-1');
    await seed(ledger, { 'certificate-1': 'taken' });
    await checker.putState('certificate-1', Buffer.from('mine'));
    expect(checker.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it('invalidates a transaction whose range gained a key (PHANTOM_READ_CONFLICT)', async () => {
    const ledger = new InMemoryLedger();
    await seed(ledger, { a: '1', c: '3' });
    const reader = ledger.newTransaction({ identity });
    await keysOf(reader.getStateByRange('a', 'z'));
    await seed(ledger, { b: '2' });
    expect(reader.commit().validationCode).toBe('PHANTOM_READ_CONFLICT');
  });

  it('checks a partly read range only up to the last key read, as the peer does', async () => {
    const ledger = new InMemoryLedger();
    await seed(ledger, { a: '1', c: '3' });
    const reader = ledger.newTransaction({ identity });
    const iterator = await reader.getStateByRange('a', 'z');
    await iterator.next();
    await iterator.close();
    await seed(ledger, { d: '4' });
    expect(reader.commit().validationCode).toBe('VALID');
  });

  it('commits only the last event, recording transaction id and block', () => {
    const ledger = new InMemoryLedger();
    const tx = ledger.newTransaction({ identity });
    tx.setEvent('First', Buffer.from('1'));
    tx.setEvent('Second', Buffer.from('2'));
    expect(tx.events.map((event) => event.name)).toEqual(['First', 'Second']);
    const result = tx.commit();
    expect(result.event?.name).toBe('Second');
    expect(ledger.events).toEqual([
      {
        name: 'Second',
        payload: Buffer.from('2'),
        chaincodeName: 'govtrace',
        txId: tx.getTxID(),
        blockNumber: 1,
      },
    ]);
    expect(() => ledger.newTransaction({ identity }).setEvent('', Buffer.from(''))).toThrow(/non-empty/);
  });
});

describe('InMemoryStub private data and key-level policies', () => {
  it('keeps private data out of public state and hashes it like the peer', async () => {
    const ledger = new InMemoryLedger({ collections: ['UrbanPrivate'] });
    const tx = ledger.newTransaction({ identity });
    await tx.putPrivateData('UrbanPrivate', 'household-1', Buffer.from('广州市天河区'));
    expect(await tx.getPrivateData('UrbanPrivate', 'household-1')).toHaveLength(0);
    tx.commit();

    const reader = ledger.newTransaction({ identity });
    expect(text(await reader.getPrivateData('UrbanPrivate', 'household-1'))).toBe('广州市天河区');
    expect(Buffer.from(await reader.getPrivateDataHash('UrbanPrivate', 'household-1')).toString('hex')).toBe(
      createHash('sha256').update('广州市天河区').digest('hex'),
    );
    expect(ledger.stateKeys()).toEqual([]);
    await expect(reader.getPrivateData('Unknown', 'household-1')).rejects.toThrow(/not defined/);
    await expect(reader.getPrivateData('UrbanPrivate', '')).rejects.toThrow(/key must be a valid string/);
  });

  it('stores a validation parameter with its key and drops it when the key is deleted', async () => {
    const ledger = new InMemoryLedger();
    const tx = ledger.newTransaction({ identity });
    await tx.putState('unit', Buffer.from('{}'));
    await tx.setStateValidationParameter('unit', Buffer.from('policy'));
    expect(await tx.getStateValidationParameter('unit')).toBeUndefined();
    tx.commit();
    expect(text(ledger.getStateValidationParameter('unit'))).toBe('policy');

    const reader = ledger.newTransaction({ identity });
    expect(text(await reader.getStateValidationParameter('unit'))).toBe('policy');
    await reader.deleteState('unit');
    reader.commit();
    expect(ledger.getStateValidationParameter('unit')).toBeUndefined();
  });

  it('says clearly what it does not simulate', () => {
    const tx = new InMemoryLedger().newTransaction({ identity });
    expect(() => tx.getQueryResult()).toThrow(/not supported by the in-memory stub/);
  });
});

describe('InMemoryStub key history', () => {
  async function historyOf(tx: InMemoryStub, key: string) {
    const entries: { txId: string; value: string; isDelete: boolean; at: string }[] = [];
    for await (const entry of tx.getHistoryForKey(key)) {
      // the real shim delivers toObject() seconds: a plain number, whatever the typings say
      const seconds = entry.timestamp.seconds as unknown as number;
      const at = new Date(seconds * 1000 + entry.timestamp.nanos / 1_000_000).toISOString();
      entries.push({ txId: entry.txId, value: text(entry.value) ?? '', isDelete: entry.isDelete, at });
    }
    return entries;
  }

  it("lists a public key's committed writes newest first, with each writer's id and timestamp", async () => {
    const ledger = new InMemoryLedger();
    const first = ledger.newTransaction({ identity, timestamp: '2026-05-01T08:00:00.250Z' });
    await first.putState('licence', Buffer.from('ACTIVE'));
    first.commit();
    const policyOnly = ledger.newTransaction({ identity });
    await policyOnly.setStateValidationParameter('licence', Buffer.from('policy'));
    policyOnly.commit();
    const conflicted = ledger.newTransaction({ identity });
    await conflicted.getState('licence');
    const second = ledger.newTransaction({ identity, timestamp: '2026-05-02T09:00:00.000Z' });
    await second.putState('licence', Buffer.from('CANCELLED'));
    second.commit();
    await conflicted.putState('licence', Buffer.from('REVOKED'));
    expect(conflicted.commit().validationCode).toBe('MVCC_READ_CONFLICT');
    const third = ledger.newTransaction({ identity, timestamp: '2026-05-03T10:00:00.000Z' });
    await third.deleteState('licence');
    third.commit();

    expect(await historyOf(ledger.newTransaction({ identity }), 'licence')).toEqual([
      { txId: third.getTxID(), value: '', isDelete: true, at: '2026-05-03T10:00:00.000Z' },
      { txId: second.getTxID(), value: 'CANCELLED', isDelete: false, at: '2026-05-02T09:00:00.000Z' },
      { txId: first.getTxID(), value: 'ACTIVE', isDelete: false, at: '2026-05-01T08:00:00.250Z' },
    ]);
  });

  it('has no history for a key never written, for private data, or for writes not yet committed', async () => {
    const ledger = new InMemoryLedger();
    const tx = ledger.newTransaction({ identity });
    await tx.putState('pending', Buffer.from('1'));
    await tx.putPrivateData('UrbanPrivate', 'secret', Buffer.from('2'));
    expect(await historyOf(tx, 'pending')).toEqual([]);
    tx.commit();
    const reader = ledger.newTransaction({ identity });
    expect(await historyOf(reader, 'never')).toEqual([]);
    expect(await historyOf(reader, 'secret')).toEqual([]);
    expect((await historyOf(reader, 'pending')).map((entry) => entry.txId)).toEqual([tx.getTxID()]);
  });

  it('gives the history as an iterator to close, as the shim does', async () => {
    const ledger = new InMemoryLedger();
    await seed(ledger, { k: 'v' });
    const iterator = await ledger.newTransaction({ identity }).getHistoryForKey('k');
    const next = await iterator.next();
    expect(next.done).toBe(false);
    expect(text(next.value.value)).toBe('v');
    expect((await iterator.next()).done).toBe(true);
    await iterator.close();
  });
});
