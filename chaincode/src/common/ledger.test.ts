import { InMemoryLedger, identityForRole } from '../testing';
import { Roles } from './access';
import { NotFoundError, ValidationError } from './errors';
import {
  RecordTypes,
  type RecordType,
  getPrivateRecord,
  getRecord,
  listRecords,
  putPrivateRecord,
  putRecord,
  recordExists,
  recordKey,
  requireRecord,
  splitRecordKey,
} from './ledger';

const identity = identityForRole(Roles.RegistryClerk);
const asRecord = (raw: unknown): Record<string, unknown> => {
  if (typeof raw !== 'object' || raw === null) {
    throw new Error('not an object');
  }
  return raw as Record<string, unknown>;
};

describe('record keys', () => {
  const ledger = new InMemoryLedger();

  it("uses Fabric's composite key format with the record type as namespace", () => {
    const { ctx } = ledger.newTransaction({ identity });
    expect(recordKey(ctx, RecordTypes.Smoke, 'a', 'b')).toBe('\u0000smoke\u0000a\u0000b\u0000');
    expect(splitRecordKey(ctx, '\u0000smoke\u0000a\u0000b\u0000')).toEqual({
      type: 'smoke',
      attributes: ['a', 'b'],
    });
  });

  it.each([
    ['empty', ''],
    ['containing U+0000', 'a\u0000b'],
    ['containing U+10FFFF', 'a\u{10FFFF}'],
  ])('rejects an attribute %s', (_name, attribute) => {
    const { ctx } = ledger.newTransaction({ identity });
    expect(() => recordKey(ctx, RecordTypes.Smoke, attribute)).toThrow(ValidationError);
  });

  it('refuses keys outside the record namespaces', () => {
    const { ctx } = ledger.newTransaction({ identity });
    expect(() => splitRecordKey(ctx, 'plain-key')).toThrow(/not a record key/);
    expect(() => splitRecordKey(ctx, ctx.stub.createCompositeKey('unknown', ['a']))).toThrow(
      /not a record key/,
    );
    expect(() => splitRecordKey(ctx, ctx.stub.createCompositeKey('smoke', []))).toThrow(/not a record key/);
  });

  it('has one distinct namespace per record type', () => {
    const values: RecordType[] = Object.values(RecordTypes);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('putRecord / getRecord', () => {
  it('writes canonical JSON that becomes readable after commit', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity });
    const key = recordKey(writer.ctx, RecordTypes.Smoke, 'k1');
    await putRecord(writer.ctx, key, { b: 2, a: 1 });
    // No read-your-writes in Fabric: the writing transaction still sees the old state.
    expect(await getRecord(writer.ctx, key, asRecord)).toBeUndefined();
    expect(await recordExists(writer.ctx, key)).toBe(false);
    writer.commit();

    expect(ledger.getState(key)?.toString('utf8')).toBe('{"a":1,"b":2}');
    const reader = ledger.newTransaction({ identity });
    expect(await getRecord(reader.ctx, key, asRecord)).toEqual({ a: 1, b: 2 });
    expect(await recordExists(reader.ctx, key)).toBe(true);
  });

  it('hands the parser an unknown value and propagates its verdict', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity });
    const key = recordKey(writer.ctx, RecordTypes.Smoke, 'k');
    await putRecord(writer.ctx, key, [1, 2]);
    writer.commit();
    const reader = ledger.newTransaction({ identity });
    await expect(getRecord(reader.ctx, key, asRecord)).resolves.toEqual([1, 2]);
    await expect(
      getRecord(reader.ctx, key, () => {
        throw new Error('rejected by parser');
      }),
    ).rejects.toThrow('rejected by parser');
  });

  it('reports a missing record as NOT_FOUND through requireRecord', async () => {
    const { ctx } = new InMemoryLedger().newTransaction({ identity });
    const key = recordKey(ctx, RecordTypes.Smoke, 'missing');
    await expect(requireRecord(ctx, key, asRecord, "smoke value 'missing'")).rejects.toThrow(NotFoundError);
    await expect(requireRecord(ctx, key, asRecord, "smoke value 'missing'")).rejects.toMatchObject({
      reason: "smoke value 'missing' not found",
    });
  });

  it('treats bytes that are not JSON as an internal error', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity });
    const key = recordKey(writer.ctx, RecordTypes.Smoke, 'bad');
    await writer.putState(key, Buffer.from('{not json'));
    writer.commit();
    const { ctx } = ledger.newTransaction({ identity });
    await expect(getRecord(ctx, key, asRecord)).rejects.toThrow(/is not UTF-8 JSON/);
  });

  it('refuses to write values that are not canonical JSON, and writes nothing', async () => {
    const tx = new InMemoryLedger().newTransaction({ identity });
    const key = recordKey(tx.ctx, RecordTypes.Smoke, 'k');
    await expect(putRecord(tx.ctx, key, { weight: Infinity })).rejects.toThrow(/finite/);
    await expect(putRecord(tx.ctx, 'simple', { a: 1 })).rejects.toThrow(/not a record key/);
    expect(tx.pendingWrites()).toEqual([]);
  });
});

describe('listRecords', () => {
  it('returns one record type in key order with the key attributes', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity });
    for (const [district, id] of [
      ['b', '2'],
      ['a', '9'],
      ['a', '10'],
      ['b', '1'],
    ] as const) {
      await putRecord(writer.ctx, recordKey(writer.ctx, RecordTypes.Smoke, district, id), { district, id });
    }
    await writer.putState(writer.ctx.stub.createCompositeKey('other', ['a', '1']), Buffer.from('{}'));
    writer.commit();

    const { ctx } = ledger.newTransaction({ identity });
    const all = await listRecords(ctx, RecordTypes.Smoke, [], asRecord);
    expect(all.map((entry) => entry.attributes)).toEqual([
      ['a', '10'],
      ['a', '9'],
      ['b', '1'],
      ['b', '2'],
    ]);
    const inA = await listRecords(ctx, RecordTypes.Smoke, ['a'], asRecord);
    expect(inA.map((entry) => entry.record)).toEqual([
      { district: 'a', id: '10' },
      { district: 'a', id: '9' },
    ]);
  });
});

describe('private records', () => {
  it('round-trip through a collection after commit', async () => {
    const ledger = new InMemoryLedger({ collections: ['RegistryPrivate'] });
    const writer = ledger.newTransaction({ identity });
    const key = recordKey(writer.ctx, RecordTypes.Smoke, 'p');
    await putPrivateRecord(writer.ctx, 'RegistryPrivate', key, { name: '张三' });
    writer.commit();
    expect(ledger.getState(key)).toBeUndefined();
    const { ctx } = ledger.newTransaction({ identity });
    expect(await getPrivateRecord(ctx, 'RegistryPrivate', key, asRecord)).toEqual({ name: '张三' });
    await expect(getPrivateRecord(ctx, 'NoSuchCollection', key, asRecord)).rejects.toThrow(/not defined/);
  });
});
