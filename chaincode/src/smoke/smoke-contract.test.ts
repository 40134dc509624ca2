// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { OrgMsps, Roles } from '../common/access';
import { type ChaincodeError, parseChaincodeErrorMessage } from '../common/errors';
import { ProductionDefinitions } from '../common/definitions';
import { contracts } from '../definitions/smoke';
import { InMemoryLedger, ShimRouter, identityForRole, newTestIdentity } from '../testing';
import { DefinitionEntries } from '../testing/channel';
import { SmokeContract } from './smoke-contract';

const contract = new SmokeContract();
const clerk = identityForRole(Roles.RegistryClerk);
const hauler = identityForRole(Roles.Hauler);

async function errorOf(promise: Promise<unknown>): Promise<ChaincodeError> {
  try {
    await promise;
  } catch (error) {
    return error as ChaincodeError;
  }
  throw new Error('expected the transaction to fail');
}

describe('SmokeContract', () => {
  let ledger: InMemoryLedger;

  beforeEach(() => {
    ledger = new InMemoryLedger({ chaincodeName: 'smoke' });
  });

  async function put(key: string, value: string, timestamp = '2026-03-01T08:00:00.123Z', identity = clerk) {
    const tx = ledger.newTransaction({ identity, timestamp });
    await contract.Put(tx.ctx, key, value);
    return { tx, result: tx.commit() };
  }

  it('is served by the smoke definition only, named smoke', () => {
    expect(contracts).toEqual([SmokeContract]);
    for (const definition of ProductionDefinitions) {
      expect(DefinitionEntries[definition.name]).not.toContain(SmokeContract);
    }
    expect(contract.getName()).toBe('smoke');
  });

  it('stores the value with transaction time and submitter MSP, readable after commit', async () => {
    const { result } = await put('smoke-1', '你好, ledger');
    expect(result.validationCode).toBe('VALID');
    const reader = ledger.newTransaction({ identity: hauler });
    expect(await contract.Get(reader.ctx, 'smoke-1')).toBe(
      '{"key":"smoke-1","updatedAt":"2026-03-01T08:00:00.123Z","updatedBy":"RegistryMSP","value":"你好, ledger"}',
    );
  });

  it('writes canonical JSON under the smoke namespace', async () => {
    await put('k', 'v');
    expect(ledger.stateKeys()).toEqual(['\u0000smoke\u0000k\u0000']);
    expect(ledger.getState('\u0000smoke\u0000k\u0000')?.toString()).toBe(
      '{"key":"k","updatedAt":"2026-03-01T08:00:00.123Z","updatedBy":"RegistryMSP","value":"v"}',
    );
  });

  it('emits exactly one SmokeValueWritten event carrying the record', async () => {
    const { tx, result } = await put('k', 'v');
    expect(tx.events).toHaveLength(1);
    expect(result.event?.name).toBe('SmokeValueWritten');
    expect(result.event?.payload.toString()).toBe(ledger.getState('\u0000smoke\u0000k\u0000')?.toString());
    expect(ledger.events.map((event) => [event.name, event.txId])).toEqual([
      ['SmokeValueWritten', tx.getTxID()],
    ]);
  });

  it('overwrites, recording the latest writer and time', async () => {
    await put('k', 'first');
    await put('k', 'second', '2026-03-02T09:30:00.000Z', hauler);
    const reader = ledger.newTransaction({ identity: clerk });
    expect(JSON.parse(await contract.Get(reader.ctx, 'k'))).toEqual({
      key: 'k',
      value: 'second',
      updatedAt: '2026-03-02T09:30:00.000Z',
      updatedBy: 'UrbanMSP',
    });
  });

  it("makes the first writer's organisation the required endorser of the key, kept on overwrite", async () => {
    const endorsers = (): string[] => {
      const parameter = ledger.getStateValidationParameter('\u0000smoke\u0000owned\u0000');
      return parameter ? new KeyEndorsementPolicy(parameter).listOrgs() : [];
    };
    await put('owned', 'first');
    expect(endorsers()).toEqual([OrgMsps.Registry]);
    await put('owned', 'second', '2026-03-01T09:00:00.000Z', hauler);
    expect(endorsers()).toEqual([OrgMsps.Registry]);
  });

  it('lets a member without any role write, still recording the MSP', async () => {
    await put('k', 'v', '2026-03-01T08:00:00.000Z', newTestIdentity({ mspId: OrgMsps.Tax }));
    const reader = ledger.newTransaction({ identity: clerk });
    expect(JSON.parse(await contract.Get(reader.ctx, 'k'))).toMatchObject({ updatedBy: 'TaxMSP' });
  });

  it('accepts the boundary sizes: 64-character key, 4096-character value in any script', async () => {
    const key = `${'a'.repeat(61)}_.-`;
    await put(key, '字'.repeat(4096));
    const reader = ledger.newTransaction({ identity: clerk });
    expect(JSON.parse(await contract.Get(reader.ctx, key))).toMatchObject({ key });
  });

  it.each([
    ['an empty key', '', 'v', ['key']],
    ['a 65-character key', 'a'.repeat(65), 'v', ['key']],
    ['a key with a slash', 'a/b', 'v', ['key']],
    ['a key with a space', 'a b', 'v', ['key']],
    ['a non-ASCII key', '键', 'v', ['key']],
    ['a 4097-character value', 'k', 'x'.repeat(4097), ['value']],
    ['both at once', '', '😀'.repeat(4097), ['key', 'value']],
  ])('rejects %s with VALIDATION_FAILED, writing nothing', async (_name, key, value, fields) => {
    const tx = ledger.newTransaction({ identity: clerk });
    const error = await errorOf(contract.Put(tx.ctx, key, value));
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual(fields);
    expect(tx.pendingWrites()).toEqual([]);
    expect(tx.events).toEqual([]);
  });

  it('rejects callers outside the four organisations with FORBIDDEN', async () => {
    const outsider = newTestIdentity({ mspId: 'OrdererMSP' });
    const tx = ledger.newTransaction({ identity: outsider });
    expect((await errorOf(contract.Put(tx.ctx, 'k', 'v'))).code).toBe('FORBIDDEN');
    expect((await errorOf(contract.Get(tx.ctx, 'k'))).code).toBe('FORBIDDEN');
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('reports a missing key as NOT_FOUND and a malformed key as VALIDATION_FAILED', async () => {
    const tx = ledger.newTransaction({ identity: clerk });
    const missing = await errorOf(contract.Get(tx.ctx, 'nothing-here'));
    expect(parseChaincodeErrorMessage(missing.message)).toEqual({
      code: 'NOT_FOUND',
      message: "smoke value 'nothing-here' not found",
      details: [],
    });
    expect((await errorOf(contract.Get(tx.ctx, '../etc'))).code).toBe('VALIDATION_FAILED');
  });

  it('does not see its own uncommitted write, like a peer', async () => {
    const tx = ledger.newTransaction({ identity: clerk });
    await contract.Put(tx.ctx, 'k', 'v');
    expect((await errorOf(contract.Get(tx.ctx, 'k'))).code).toBe('NOT_FOUND');
  });
});

describe('SmokeContract through the fabric-shim router', () => {
  const router = new ShimRouter(contracts);

  it('routes smoke:Put and smoke:Get with string arguments', async () => {
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({ identity: clerk, args: ['smoke:Put', 'k', 'v'] });
    expect((await router.invoke(writer)).status).toBe(200);
    writer.commit();

    const reader = ledger.newTransaction({ identity: clerk, args: ['smoke:Get', 'k'] });
    const response = await router.invoke(reader);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.payload.toString())).toMatchObject({ key: 'k', value: 'v' });
  });

  it('returns the error JSON as the 500 response message the peer forwards', async () => {
    const reader = new InMemoryLedger().newTransaction({ identity: clerk, args: ['smoke:Get', 'absent'] });
    const response = await router.invoke(reader);
    expect(response.status).toBe(500);
    expect(parseChaincodeErrorMessage(`chaincode response 500, ${response.message}`)?.code).toBe('NOT_FOUND');
  });

  describe('PutMany (the bench reference of a 1000-key write)', () => {
    let ledger: InMemoryLedger;

    beforeEach(() => {
      ledger = new InMemoryLedger({ chaincodeName: 'smoke' });
    });

    it('stores every entry in one write batch, with no reads, key-level policies or event', async () => {
      const entries = Array.from({ length: 1000 }, (_unused, i) => ({ key: `many-${i}`, value: `v${i}` }));
      const tx = ledger.newTransaction({ identity: clerk, timestamp: '2026-03-01T08:00:00.123Z' });
      await contract.PutMany(tx.ctx, JSON.stringify(entries));
      expect(tx.handler.asked).toEqual(['WriteBatchState']);
      const result = tx.commit();
      expect(result.validationCode).toBe('VALID');
      expect(result.event).toBeUndefined();
      expect(ledger.stateKeys()).toHaveLength(1000);
      expect(
        ledger.getStateValidationParameter(tx.ctx.stub.createCompositeKey('smoke', ['many-0'])),
      ).toBeUndefined();
      const reader = ledger.newTransaction({ identity: hauler });
      expect(JSON.parse(await contract.Get(reader.ctx, 'many-999'))).toMatchObject({
        key: 'many-999',
        value: 'v999',
        updatedBy: OrgMsps.Registry,
      });
    });

    it.each([
      ['not JSON', '{', 'entries'],
      ['an empty list', '[]', 'entries'],
      [
        '1001 entries',
        JSON.stringify(Array.from({ length: 1001 }, (_u, i) => ({ key: `k${i}`, value: 'v' }))),
        'entries',
      ],
      ['an entry without a value', JSON.stringify([{ key: 'k' }]), 'entries[0]'],
      [
        'a bad key',
        JSON.stringify([
          { key: 'ok', value: 'v' },
          { key: 'bad key', value: 'v' },
        ]),
        'entries[1].key',
      ],
    ])('refuses %s, naming the field, and writes nothing', async (_case, json, field) => {
      const tx = ledger.newTransaction({ identity: clerk });
      const error = await errorOf(contract.PutMany(tx.ctx, json));
      expect(parseChaincodeErrorMessage(error.message)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field })],
      });
      tx.commit();
      expect(ledger.stateKeys()).toHaveLength(0);
    });
  });
});
