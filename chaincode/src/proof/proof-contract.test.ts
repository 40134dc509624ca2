// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { type ChaincodeError, parseChaincodeErrorMessage } from '../common/errors';
import { RecordTypes } from '../common/ledger';
import { contracts } from '../index';
import { InMemoryLedger, type InMemoryStub, ShimRouter, identityForRole, newTestIdentity } from '../testing';
import { bag, scan, WasteWorld } from '../testing/waste-fixtures';
import { ProofContract } from './proof-contract';

const contract = new ProofContract();
const reader = identityForRole(Roles.Hauler);
const clerk = identityForRole(Roles.MarketClerk);
const USCC = '91350100M000100Y43';
const LICENCE_KEY = `\u0000business.license\u0000${USCC}\u0000`;

async function errorOf(promise: Promise<unknown>): Promise<ChaincodeError> {
  try {
    await promise;
  } catch (error) {
    return error as ChaincodeError;
  }
  throw new Error('expected the query to fail');
}

async function latest(ledger: InMemoryLedger, recordType: string, key: unknown[]): Promise<unknown> {
  const tx = ledger.newTransaction({ identity: reader });
  return JSON.parse(await contract.LatestWrite(tx.ctx, recordType, JSON.stringify(key)));
}

async function put(ledger: InMemoryLedger, key: string, value: string | null, timestamp?: string) {
  const tx = ledger.newTransaction({ identity: clerk, ...(timestamp !== undefined && { timestamp }) });
  if (value === null) await tx.deleteState(key);
  else await tx.putState(key, Buffer.from(value));
  expect(tx.commit().validationCode).toBe('VALID');
  return tx;
}

describe('ProofContract', () => {
  it('is served by the production entry as `proof`, after the domain contracts', () => {
    expect(contracts.at(-1)).toBe(ProofContract);
    expect(contract.getName()).toBe('proof');
  });

  it("answers the transaction that last wrote the record's key, from the history, not the record", async () => {
    const ledger = new InMemoryLedger();
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE","txId":"' + 'e'.repeat(64) + '"}');
    const change = await put(ledger, LICENCE_KEY, '{"status":"CANCELLED"}', '2026-06-01T08:30:00.123Z');
    expect(await latest(ledger, RecordTypes.BusinessLicense, [USCC])).toEqual({
      key: LICENCE_KEY,
      txId: change.getTxID(),
      timestamp: '2026-06-01T08:30:00.123Z',
      isDelete: false,
    });
  });

  it('reports a deleted key as its delete', async () => {
    const ledger = new InMemoryLedger();
    await put(ledger, LICENCE_KEY, '{}');
    const removal = await put(ledger, LICENCE_KEY, null);
    expect(await latest(ledger, RecordTypes.BusinessLicense, [USCC])).toMatchObject({
      txId: removal.getTxID(),
      isDelete: true,
    });
  });

  it("names a bag event's own transaction; the bag's policy rewrite by that scan is no write of the bag", async () => {
    const world = new WasteWorld();
    await world.standardSites();
    const commissioned = await world.commission(1, 1);
    const barcode = bag(1);
    const scanned = await world.scans([scan(barcode)]);
    expect(await latest(world.ledger, RecordTypes.WasteBagEvent, [barcode, '1-COLLECTED'])).toMatchObject({
      txId: scanned.tx.getTxID(),
    });
    expect(await latest(world.ledger, RecordTypes.WasteBag, [barcode])).toMatchObject({
      txId: commissioned.tx.getTxID(),
    });
  });

  it('answers NOT_FOUND for a key never written', async () => {
    const error = await errorOf(latest(new InMemoryLedger(), RecordTypes.BusinessLicense, [USCC]));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('answers UNAVAILABLE while the history has not caught up with the state (the peer commits state first)', async () => {
    const ledger = new InMemoryLedger();
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE"}');
    const tx = ledger.newTransaction({ identity: reader });
    // the history still ends at the previous write while the state already holds the next value
    jest.spyOn(tx, 'getState').mockResolvedValue(Buffer.from('{"status":"CANCELLED"}'));
    const error = await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('answers UNAVAILABLE, not a crash, on a peer whose history database is off', async () => {
    const tx = new InMemoryLedger().newTransaction({ identity: reader });
    jest.spyOn(tx, 'getHistoryForKey').mockImplementation(() => {
      throw new Error('history database is not enabled');
    });
    const error = await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('closes the history iterator after reading the newest entry', async () => {
    const ledger = new InMemoryLedger();
    await put(ledger, LICENCE_KEY, 'a');
    await put(ledger, LICENCE_KEY, 'b');
    const tx = ledger.newTransaction({ identity: reader });
    const iterator = await tx.getHistoryForKey(LICENCE_KEY);
    const next = jest.spyOn(iterator, 'next');
    const close = jest.spyOn(iterator, 'close');
    jest.spyOn(tx, 'getHistoryForKey').mockReturnValue(
      Object.assign(Promise.resolve(iterator), {
        [Symbol.asyncIterator]: () => {
          throw new Error('not used');
        },
      }),
    );
    await contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`);
    expect(next).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it.each<[string, string, string, string]>([
    ['a private record type', RecordTypes.RealEstateHolders, '["x"]', 'recordType'],
    ['an unknown record type', 'realestate.secret', '["x"]', 'recordType'],
    ['a key that is not JSON', RecordTypes.BusinessLicense, USCC, 'key'],
    ['too few key attributes', RecordTypes.WasteBagEvent, '["440103020000000019"]', 'key'],
    ['too many key attributes', RecordTypes.BusinessLicense, `["${USCC}","x"]`, 'key'],
    ['a key attribute that is not text', RecordTypes.BusinessLicense, '[1]', 'key'],
    ['a 129-character key attribute', RecordTypes.BusinessLicense, `["${'1'.repeat(129)}"]`, 'key'],
    ['an empty key attribute', RecordTypes.BusinessLicense, '[""]', 'key[0]'],
    ['a key attribute with U+0000', RecordTypes.BusinessLicense, '["a\\u0000b"]', 'key[0]'],
  ])('refuses %s with VALIDATION_FAILED', async (_what, recordType, keyJson, field) => {
    const tx = new InMemoryLedger().newTransaction({ identity: reader });
    const error = await errorOf(contract.LatestWrite(tx.ctx, recordType, keyJson));
    expect(parseChaincodeErrorMessage(error.message)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field }],
    });
  });

  it('refuses callers outside the four organisations', async () => {
    const tx = new InMemoryLedger().newTransaction({ identity: newTestIdentity({ mspId: 'OrdererMSP' }) });
    expect(
      (await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`))).code,
    ).toBe('FORBIDDEN');
  });

  it('is reached through the contract router as proof:LatestWrite with its two arguments', async () => {
    const ledger = new InMemoryLedger();
    const written = await put(ledger, LICENCE_KEY, '{}');
    const call = (args: string[]): InMemoryStub => ledger.newTransaction({ identity: reader, args });
    const router = new ShimRouter(contracts);
    const answer = await router.invoke(
      call(['proof:LatestWrite', RecordTypes.BusinessLicense, `["${USCC}"]`]),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.payload.toString())).toMatchObject({ txId: written.getTxID() });
    const variadic = await router.invoke(call(['proof:LatestWrite', RecordTypes.WasteBagEvent, 'a', 'b']));
    expect(variadic.status).toBe(500);
  });
});
