import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { WasteWorld, errorOf } from '../testing/waste-fixtures';

const siteKey = '\u0000waste-site\u0000LW-ST-001\u0000';

describe('WasteContract sites', () => {
  let world: WasteWorld;

  beforeEach(() => {
    world = new WasteWorld();
  });

  it('registers a site under its id with UrbanMSP endorsement and one event', async () => {
    const { commit, result } = await world.site('LW-ST-001');
    expect(result).toEqual({
      siteId: 'LW-ST-001',
      kind: 'STATION',
      districtCode: '440103',
      name: '站点 LW-ST-001',
      registeredAt: '2026-01-01T00:00:00.000Z',
      registeredBy: 'UrbanMSP',
    });
    expect(world.ledger.stateKeys()).toEqual([siteKey]);
    expect(world.ledger.getStateValidationParameter(siteKey)).toBeUndefined();
    expect(commit.event?.name).toBe('WasteSiteRegistered');
    expect(JSON.parse(commit.event?.payload.toString() ?? '')).toMatchObject({
      siteId: 'LW-ST-001',
      txId: commit.txId,
    });
    expect(await world.read('GetSite', 'LW-ST-001')).toEqual(result);
  });

  it('answers CONFLICT for an existing site id', async () => {
    await world.site('LW-ST-001');
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({ siteId: 'LW-ST-001', kind: 'FACILITY', districtCode: '440103', name: 'x' });
    expect((await errorOf(world.contract.RegisterSite(tx.ctx, json))).code).toBe('CONFLICT');
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('lists every invalid field with VALIDATION_FAILED', async () => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({ siteId: 'lw st 1', kind: 'DEPOT', districtCode: '44010', name: ' ' });
    const error = await errorOf(world.contract.RegisterSite(tx.ctx, json));
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual([
      'siteId',
      'kind',
      'districtCode',
      'name',
    ]);
  });

  it('refuses a NUL character in any text with VALIDATION_FAILED, writing nothing', async () => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({
      siteId: 'LW-ST-009',
      kind: 'STATION',
      districtCode: '440103',
      name: 'a\u0000b',
    });
    expect((await errorOf(world.contract.RegisterSite(tx.ctx, json))).code).toBe('VALIDATION_FAILED');
    expect(tx.pendingWrites()).toEqual([]);
  });

  it.each([['not json'], ['[1]'], ['"x"']])(
    'refuses the argument %s with VALIDATION_FAILED',
    async (json) => {
      const tx = world.transaction(Roles.UrbanInspector);
      expect((await errorOf(world.contract.RegisterSite(tx.ctx, json))).code).toBe('VALIDATION_FAILED');
    },
  );

  it.each([Roles.StationOperator, Roles.Hauler, Roles.RegistryClerk])(
    'refuses %s with FORBIDDEN',
    async (role) => {
      const tx = world.transaction(role);
      const json = JSON.stringify({
        siteId: 'LW-ST-001',
        kind: 'STATION',
        districtCode: '440103',
        name: 'x',
      });
      expect((await errorOf(world.contract.RegisterSite(tx.ctx, json))).code).toBe('FORBIDDEN');
    },
  );

  it('GetSite: NOT_FOUND for an unknown site, VALIDATION_FAILED for a malformed id', async () => {
    const tx = world.transaction(Roles.Hauler);
    expect((await errorOf(world.contract.GetSite(tx.ctx, 'LW-ST-404'))).code).toBe('NOT_FOUND');
    expect((await errorOf(world.contract.GetSite(tx.ctx, 'a\u0000b'))).code).toBe('VALIDATION_FAILED');
  });
});

describe('WasteContract configuration', () => {
  it('defaults to a 10 % tolerance and lets an inspector change it', async () => {
    const world = new WasteWorld();
    const reader = world.transaction(Roles.Hauler);
    expect(JSON.parse(await world.contract.GetConfig(reader.ctx))).toMatchObject({
      toleranceRatio: '0.1',
      toleranceBasisPoints: 1000,
    });
    const { commit } = await world.call(Roles.UrbanInspector, 'SetConfig', { toleranceRatio: 0.025 });
    expect(commit.event?.name).toBe('WasteConfigUpdated');
    const key = '\u0000waste-config\u0000current\u0000';
    expect(world.ledger.getStateValidationParameter(key)).toBeUndefined();
    const after = world.transaction(Roles.Hauler);
    expect(JSON.parse(await world.contract.GetConfig(after.ctx))).toMatchObject({
      toleranceRatio: '0.025',
      toleranceBasisPoints: 250,
    });
  });

  it.each([[1.5], ['-0.1'], ['0.12345'], ['ten'], [null]])(
    'refuses toleranceRatio %p',
    async (toleranceRatio) => {
      const world = new WasteWorld();
      const tx = world.transaction(Roles.UrbanInspector);
      const error = await errorOf(world.contract.SetConfig(tx.ctx, JSON.stringify({ toleranceRatio })));
      expect(error.code).toBe('VALIDATION_FAILED');
    },
  );

  it('refuses a hauler setting the tolerance', async () => {
    const world = new WasteWorld();
    const tx = world.transaction(Roles.Hauler);
    expect((await errorOf(world.contract.SetConfig(tx.ctx, '{"toleranceRatio":0.5}'))).code).toBe(
      'FORBIDDEN',
    );
  });
});
