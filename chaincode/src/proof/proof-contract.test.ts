// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { type ChaincodeName, ProductionDefinitions, RecordTypeHome } from '../common/definitions';
import { type ChaincodeError, parseChaincodeErrorMessage } from '../common/errors';
import { type RecordType, RecordTypes } from '../common/ledger';
import { contracts as businessEntry } from '../definitions/business';
import {
  type InMemoryLedger,
  type InMemoryStub,
  ShimRouter,
  identityForRole,
  newTestIdentity,
} from '../testing';
import { channelLedger, DefinitionEntries } from '../testing/channel';
import { bag, scan, WasteWorld } from '../testing/waste-fixtures';
import {
  BusinessProofContract,
  ProofContract,
  RealEstateProofContract,
  TaxProofContract,
  WasteProofContract,
} from './proof-contract';
import { ProvableRecordTypes } from './provable-records';

const proofOf: Readonly<Record<Exclude<ChaincodeName, 'smoke'>, ProofContract>> = {
  realestate: new RealEstateProofContract(),
  tax: new TaxProofContract(),
  business: new BusinessProofContract(),
  waste: new WasteProofContract(),
};
/** The licence tests ask the business definition's proof, which holds business.license. */
const contract = proofOf.business;
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

/** LatestWrite asked of the proof contract of the definition that holds the record type. */
async function latest(ledger: InMemoryLedger, recordType: RecordType, key: unknown[]): Promise<unknown> {
  const home = RecordTypeHome[recordType];
  if (home === 'smoke') throw new Error('the smoke definition serves no proof');
  const tx = ledger.newTransaction({ identity: reader, chaincodeName: home });
  return JSON.parse(await proofOf[home].LatestWrite(tx.ctx, recordType, JSON.stringify(key)));
}

/** A write of the ledger's default namespace: business, where the licence lives. */
async function put(ledger: InMemoryLedger, key: string, value: string | null, timestamp?: string) {
  const tx = ledger.newTransaction({ identity: clerk, ...(timestamp !== undefined && { timestamp }) });
  if (value === null) await tx.deleteState(key);
  else await tx.putState(key, Buffer.from(value));
  expect(tx.commit().validationCode).toBe('VALID');
  return tx;
}

describe('ProofContract', () => {
  it.each(ProductionDefinitions.map((definition) => [definition.name] as const))(
    'is served by the %s entry as `proof`, after its domain contracts, answering for that definition',
    (name) => {
      const served = DefinitionEntries[name].at(-1);
      expect(served).toBeDefined();
      const instance = new (served as new () => ProofContract)();
      expect(instance).toBeInstanceOf(ProofContract);
      expect(instance.getName()).toBe('proof');
      expect(instance.home).toBe(name);
    },
  );

  it('is not served by the smoke fixture', () => {
    expect(DefinitionEntries.smoke.some((served) => served.prototype instanceof ProofContract)).toBe(false);
  });

  it.each(
    [...ProvableRecordTypes.keys()].flatMap((recordType) =>
      (Object.keys(proofOf) as (keyof typeof proofOf)[])
        .filter((home) => home !== RecordTypeHome[recordType])
        .map((home) => [recordType, home] as const),
    ),
  )(
    'refuses %s at the %s definition with VALIDATION_FAILED naming its definition',
    async (recordType, home) => {
      const tx = channelLedger(home).newTransaction({ identity: reader });
      const error = await errorOf(proofOf[home].LatestWrite(tx.ctx, recordType, '["x"]'));
      const owner = RecordTypeHome[recordType];
      expect(parseChaincodeErrorMessage(error.message)).toEqual({
        code: 'VALIDATION_FAILED',
        message: `record type ${recordType} is held by definition ${owner}, not ${home}: ask proof:LatestWrite of ${owner}`,
        details: [{ field: 'recordType', message: `held by definition ${owner}` }],
      });
    },
  );

  it("names the definition's own provable types when asked for another of its types", async () => {
    const tx = channelLedger('tax').newTransaction({ identity: reader });
    const tax = await errorOf(proofOf.tax.LatestWrite(tx.ctx, RecordTypes.DeedTaxClearance, '["x","y"]'));
    expect(parseChaincodeErrorMessage(tax.message)?.details).toEqual([
      { field: 'recordType', message: 'definition tax holds no provable record type' },
    ]);
    const waste = await errorOf(proofOf.waste.LatestWrite(tx.ctx, RecordTypes.WasteSite, '["x"]'));
    expect(parseChaincodeErrorMessage(waste.message)?.details).toEqual([
      { field: 'recordType', message: 'must be one of waste-bag, waste-bag-event' },
    ]);
  });

  it("answers the transaction that last wrote the record's key, from the history, not the record", async () => {
    const ledger = channelLedger('business');
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE","txId":"' + 'e'.repeat(64) + '"}');
    const change = await put(ledger, LICENCE_KEY, '{"status":"CANCELLED"}', '2026-06-01T08:30:00.123Z');
    expect(await latest(ledger, RecordTypes.BusinessLicense, [USCC])).toEqual({
      key: LICENCE_KEY,
      txId: change.getTxID(),
      timestamp: '2026-06-01T08:30:00.123Z',
      isDelete: false,
    });
  });

  it('ReadWithLatestWrite answers the stored record with the write that put it there, in one query', async () => {
    const ledger = channelLedger('business');
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE"}');
    const change = await put(
      ledger,
      LICENCE_KEY,
      '{"uscc":"x","status":"CANCELLED"}',
      '2026-06-01T08:30:00.123Z',
    );
    const tx = ledger.newTransaction({ identity: reader });
    const answer = JSON.parse(
      await contract.ReadWithLatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`),
    ) as unknown;
    expect(answer).toEqual({
      record: { uscc: 'x', status: 'CANCELLED' },
      write: {
        key: LICENCE_KEY,
        txId: change.getTxID(),
        timestamp: '2026-06-01T08:30:00.123Z',
        isDelete: false,
      },
    });
  });

  it('ReadWithLatestWrite answers NOT_FOUND for a deleted or never-written record and UNAVAILABLE while the history lags', async () => {
    const ledger = channelLedger('business');
    const read = (tx = ledger.newTransaction({ identity: reader })) =>
      errorOf(contract.ReadWithLatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`));
    expect((await read()).code).toBe('NOT_FOUND');
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE"}');
    const lagging = ledger.newTransaction({ identity: reader });
    jest.spyOn(lagging, 'getState').mockResolvedValue(Buffer.from('{"status":"CANCELLED"}'));
    expect((await read(lagging)).code).toBe('UNAVAILABLE');
    await put(ledger, LICENCE_KEY, null);
    expect((await read()).code).toBe('NOT_FOUND');
    const elsewhere = channelLedger('waste').newTransaction({ identity: reader });
    const refused = await errorOf(
      proofOf.waste.ReadWithLatestWrite(elsewhere.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`),
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
  });

  it('reports a deleted key as its delete', async () => {
    const ledger = channelLedger('business');
    await put(ledger, LICENCE_KEY, '{}');
    const removal = await put(ledger, LICENCE_KEY, null);
    expect(await latest(ledger, RecordTypes.BusinessLicense, [USCC])).toMatchObject({
      txId: removal.getTxID(),
      isDelete: true,
    });
  });

  it("names a bag event's own transaction; the scan writes nothing of the bag", async () => {
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
    const error = await errorOf(latest(channelLedger('business'), RecordTypes.BusinessLicense, [USCC]));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('answers UNAVAILABLE while the history has not caught up with the state (the peer commits state first)', async () => {
    const ledger = channelLedger('business');
    await put(ledger, LICENCE_KEY, '{"status":"ACTIVE"}');
    const tx = ledger.newTransaction({ identity: reader });
    // the history still ends at the previous write while the state already holds the next value
    jest.spyOn(tx, 'getState').mockResolvedValue(Buffer.from('{"status":"CANCELLED"}'));
    const error = await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('answers UNAVAILABLE, not a crash, on a peer whose history database is off', async () => {
    const tx = channelLedger('business').newTransaction({ identity: reader });
    jest.spyOn(tx, 'getHistoryForKey').mockImplementation(() => {
      throw new Error('history database is not enabled');
    });
    const error = await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('closes the history iterator after reading the newest entry', async () => {
    const ledger = channelLedger('business');
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
    // asked of the definition that holds the type, so only the fault named is wrong
    const held = recordType === RecordTypes.WasteBagEvent ? proofOf.waste : contract;
    const tx = channelLedger(held.home).newTransaction({ identity: reader });
    const error = await errorOf(held.LatestWrite(tx.ctx, recordType, keyJson));
    expect(parseChaincodeErrorMessage(error.message)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field }],
    });
  });

  it('refuses callers outside the four organisations', async () => {
    const tx = channelLedger('business').newTransaction({
      identity: newTestIdentity({ mspId: 'OrdererMSP' }),
    });
    expect(
      (await errorOf(contract.LatestWrite(tx.ctx, RecordTypes.BusinessLicense, `["${USCC}"]`))).code,
    ).toBe('FORBIDDEN');
  });

  it('is reached through the contract router as proof:LatestWrite with its two arguments', async () => {
    const ledger = channelLedger('business');
    const written = await put(ledger, LICENCE_KEY, '{}');
    const call = (args: string[]): InMemoryStub => ledger.newTransaction({ identity: reader, args });
    const router = new ShimRouter(businessEntry);
    const answer = await router.invoke(
      call(['proof:LatestWrite', RecordTypes.BusinessLicense, `["${USCC}"]`]),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.payload.toString())).toMatchObject({ txId: written.getTxID() });
    const variadic = await router.invoke(call(['proof:LatestWrite', RecordTypes.WasteBagEvent, 'a', 'b']));
    expect(variadic.status).toBe(500);
  });
});
