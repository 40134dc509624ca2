import '../testing/quiet-logs';
import { createHash } from 'node:crypto';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { isValidBagBarcode } from '../common/identifiers';
import { HOUSEHOLD, SALT, WasteWorld, bag, errorOf } from '../testing/waste-fixtures';

const batch = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ districtCode: '440103', category: '02', firstSerial: 1, count: 3, ...fields });
const transient = { householdRef: HOUSEHOLD, householdSalt: SALT };

describe('WasteContract CommissionBags', () => {
  let world: WasteWorld;

  beforeEach(() => {
    world = new WasteWorld();
  });

  it('issues consecutive barcodes with GS1 check digits, one write-once key per bag', async () => {
    const { result, commit } = await world.commission(41, 3);
    const barcodes = [bag(41), bag(42), bag(43)];
    expect(result).toEqual({ batchId: barcodes[0], barcodes });
    expect(barcodes.every(isValidBagBarcode)).toBe(true);
    // Σ = 12+4+1+3+2+4+3 = 29 (weights 3,1,… from the right) → check digit 1.
    expect(barcodes[0]).toBe('440103020000000411');
    const keys = barcodes.map((barcode) => `\u0000waste-bag\u0000${barcode}\u0000`);
    expect(world.ledger.stateKeys()).toEqual(keys);
    for (const key of keys) {
      expect(world.ledger.getStateValidationParameter(key)).toBeUndefined();
    }
    expect(commit.event?.name).toBe('WasteBagsCommissioned');
    expect(JSON.parse(commit.event?.payload.toString() ?? '')).toMatchObject({
      batchId: barcodes[0],
      barcodes,
      districtCode: '440103',
      category: '02',
      firstSerial: 41,
      count: 3,
    });
  });

  it('keeps the household reference in urbanPrivate only; public state holds the salted hash', async () => {
    await world.commission(1, 2);
    const expectedHash = createHash('sha256').update(`${SALT}${HOUSEHOLD}`).digest('hex');
    const publicText = world.publicText();
    expect(publicText).not.toContain(HOUSEHOLD);
    expect(publicText).not.toContain('明珠花园');
    expect(publicText).not.toContain(SALT);
    expect(publicText).toContain(expectedHash);
    const privateValue = world.ledger.getPrivateData(
      'urbanPrivate',
      `\u0000waste-household\u0000${bag(1)}\u0000`,
    );
    expect(JSON.parse(privateValue?.toString() ?? '')).toMatchObject({
      householdRef: HOUSEHOLD,
      salt: SALT,
      count: 2,
    });
    const trace = JSON.stringify(await world.read('GetBag', bag(1)));
    expect(trace).not.toContain(expectedHash);
  });

  it('answers CONFLICT naming every serial already commissioned, writing nothing', async () => {
    await world.commission(10, 2);
    await world.commission(14, 1);
    const tx = world.transaction(Roles.UrbanInspector, transient);
    const error = await errorOf(world.contract.CommissionBags(tx.ctx, batch({ firstSerial: 9, count: 6 })));
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload?.code).toBe('CONFLICT');
    expect(payload?.details.map((detail) => detail.message)).toEqual([
      `${bag(10)} is already commissioned`,
      `${bag(11)} is already commissioned`,
      `${bag(14)} is already commissioned`,
    ]);
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('does not conflict with the same serials in another category or district', async () => {
    await world.commission(1, 2);
    await world.commission(1, 2, '01');
    await world.commission(1, 2, '02', '440104');
    expect(world.ledger.stateKeys()).toHaveLength(6);
  });

  it('accepts 1000 bags and refuses 1001', async () => {
    const { result } = await world.commission(1, 1000);
    expect((result as { barcodes: string[] }).barcodes).toHaveLength(1000);
    const tx = world.transaction(Roles.UrbanInspector, transient);
    const error = await errorOf(
      world.contract.CommissionBags(tx.ctx, batch({ firstSerial: 5000, count: 1001 })),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['a bad district', { districtCode: '04010' }, 'districtCode'],
    ['an unknown category', { category: '05' }, 'category'],
    ['a fractional serial', { firstSerial: 1.5 }, 'firstSerial'],
    ['a zero count', { count: 0 }, 'count'],
    ['a range beyond the last serial', { firstSerial: 999_999_999, count: 2 }, 'count'],
    ['the household reference in the public arguments', { householdRef: HOUSEHOLD }, 'householdRef'],
  ])('refuses %s with VALIDATION_FAILED', async (_name, fields, field) => {
    const tx = world.transaction(Roles.UrbanInspector, transient);
    const error = await errorOf(world.contract.CommissionBags(tx.ctx, batch(fields)));
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual([field]);
  });

  it.each([
    ['no transient data', {}, ['transient.householdRef', 'transient.householdSalt']],
    ['a short salt', { householdRef: HOUSEHOLD, householdSalt: 'short' }, ['transient.householdSalt']],
    ['an empty reference', { householdRef: ' ', householdSalt: SALT }, ['transient.householdRef']],
  ])('refuses %s with VALIDATION_FAILED', async (_name, data, fields) => {
    const tx = world.transaction(Roles.UrbanInspector, data);
    const payload = parseChaincodeErrorMessage(
      (await errorOf(world.contract.CommissionBags(tx.ctx, batch()))).message,
    );
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual(fields);
  });

  it('refuses a station operator with FORBIDDEN', async () => {
    const tx = world.transaction(Roles.StationOperator, transient);
    expect((await errorOf(world.contract.CommissionBags(tx.ctx, batch()))).code).toBe('FORBIDDEN');
  });
});
