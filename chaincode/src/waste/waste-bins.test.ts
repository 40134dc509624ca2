import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { WasteWorld, errorOf } from '../testing/waste-fixtures';

const TAG = 'E28011606000020A1B2C3D4F';
const binInput = (binId: string, siteId = 'LW-ST-001'): Record<string, unknown> => ({
  binId,
  siteId,
  rfidTag: TAG,
  category: '02',
});

describe('WasteContract bins', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.site('LW-ST-001');
    await world.site('LW-FA-001', 'FACILITY');
  });

  it('registers an ACTIVE bin at a station with one event', async () => {
    const { commit, result } = await world.call(
      Roles.UrbanInspector,
      'RegisterBin',
      binInput('LW-ST-001-B01'),
    );
    expect(result).toEqual({
      binId: 'LW-ST-001-B01',
      siteId: 'LW-ST-001',
      rfidTag: TAG,
      category: '02',
      status: 'ACTIVE',
      registeredAt: expect.any(String) as unknown,
      registeredBy: 'UrbanMSP',
    });
    expect(commit.event?.name).toBe('WasteBinRegistered');
    expect(await world.read('GetBin', 'LW-ST-001-B01')).toEqual(result);
  });

  it.each([
    ['binId', 'lw-b1'],
    ['siteId', 'lw st'],
    ['rfidTag', 'ABC'],
    ['category', '05'],
    ['category', 2],
  ])('refuses %s = %p with VALIDATION_FAILED', async (field, value) => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({ ...binInput('LW-ST-001-B01'), [field]: value });
    const payload = parseChaincodeErrorMessage(
      (await errorOf(world.contract.RegisterBin(tx.ctx, json))).message,
    );
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual([field]);
    expect(tx.pendingWrites()).toEqual([]);
  });

  it.each([
    ['LW-ST-404', 'NOT_FOUND', 'UNKNOWN_SITE'],
    ['LW-FA-001', 'RULE_VIOLATION', 'WRONG_SITE_KIND'],
  ])('refuses a bin at %s with %s (%s)', async (siteId, code, itemCode) => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify(binInput('B-1', siteId));
    const payload = parseChaincodeErrorMessage(
      (await errorOf(world.contract.RegisterBin(tx.ctx, json))).message,
    );
    expect(payload?.code).toBe(code);
    expect(payload?.details[0]?.message).toContain(itemCode);
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('answers CONFLICT for a taken id and for retiring twice', async () => {
    await world.call(Roles.UrbanInspector, 'RegisterBin', binInput('B-1'));
    const again = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RegisterBin(again.ctx, JSON.stringify(binInput('B-1'))))).code).toBe(
      'CONFLICT',
    );
    const retire = world.transaction(Roles.UrbanInspector);
    expect(JSON.parse(await world.contract.RetireBin(retire.ctx, 'B-1'))).toMatchObject({
      status: 'RETIRED',
      retiredBy: 'UrbanMSP',
    });
    expect(retire.commit().event?.name).toBe('WasteBinRetired');
    const twice = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RetireBin(twice.ctx, 'B-1'))).code).toBe('CONFLICT');
  });

  it.each([
    ['B-404', 'NOT_FOUND'],
    ['b 1', 'VALIDATION_FAILED'],
  ])('answers %s with %s for retire and read', async (binId, code) => {
    const tx = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RetireBin(tx.ctx, binId))).code).toBe(code);
    const read = world.transaction(Roles.StationOperator);
    expect((await errorOf(world.contract.GetBin(read.ctx, binId))).code).toBe(code);
  });

  it.each([Roles.Hauler, Roles.StationOperator, Roles.FacilityOperator])(
    'refuses bin writes to %s',
    async (role) => {
      await world.call(Roles.UrbanInspector, 'RegisterBin', binInput('B-1'));
      const register = world.transaction(role);
      expect(
        (await errorOf(world.contract.RegisterBin(register.ctx, JSON.stringify(binInput('B-2'))))).code,
      ).toBe('FORBIDDEN');
      const retire = world.transaction(role);
      expect((await errorOf(world.contract.RetireBin(retire.ctx, 'B-1'))).code).toBe('FORBIDDEN');
    },
  );
});
