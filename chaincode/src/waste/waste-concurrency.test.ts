import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { contracts } from '../definitions/waste';
import { ShimRouter, identityForRole } from '../testing';
import { WasteWorld, bag, scan } from '../testing/waste-fixtures';

// Two stations submit at the same moment: both transactions are simulated against the same committed
// state, then committed one after the other, as the orderer would put them in one block.
describe('WasteContract without hot keys', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.site('LW-ST-001');
    await world.site('LW-ST-003');
    await world.commission(1, 1000);
    await world.commission(1001, 1000);
  });

  it('commits two concurrent 1000-scan batches from different stations, touching disjoint keys', async () => {
    const first = world.transaction(Roles.StationOperator);
    const second = world.transaction(Roles.StationOperator);
    const batch = (station: string, from: number): string =>
      JSON.stringify({
        scans: Array.from({ length: 1000 }, (_unused, index) =>
          scan(bag(from + index), { stationId: station }),
        ),
      });
    await world.contract.RecordScans(first.ctx, batch('LW-ST-001', 1));
    await world.contract.RecordScans(second.ctx, batch('LW-ST-003', 1001));

    const firstKeys = new Set(first.pendingWrites().map((write) => write.key));
    const secondKeys = second.pendingWrites().map((write) => write.key);
    expect(firstKeys.size).toBe(1000);
    expect(secondKeys).toHaveLength(1000);
    // no metadata writes: the bags themselves are never written by a scan
    expect(first.pendingValidationParameterWrites()).toEqual([]);
    expect(secondKeys.filter((key) => firstKeys.has(key))).toEqual([]);

    expect(first.commit().validationCode).toBe('VALID');
    expect(second.commit().validationCode).toBe('VALID');
    expect(world.ledger.stateKeys().filter((key) => key.includes('1-COLLECTED'))).toHaveLength(2000);
  });

  it('lets a load and a scan of different bags at one station commit together', async () => {
    await world.vehicle('粤A12345');
    await world.scans([scan(bag(1))]);
    const loading = world.transaction(Roles.Hauler);
    const scanning = world.transaction(Roles.StationOperator);
    const load = { vehicleId: '粤A12345', stationId: 'LW-ST-001', barcodes: [bag(1)], loadWeightGrams: 1200 };
    await world.contract.RecordCollection(
      loading.ctx,
      JSON.stringify({ ...load, collectedAt: '2026-01-01T09:00:00Z' }),
    );
    await world.contract.RecordScans(scanning.ctx, JSON.stringify([scan(bag(2))]));
    expect(loading.commit().validationCode).toBe('VALID');
    expect(scanning.commit().validationCode).toBe('VALID');
  });

  it('does conflict when two stations scan the same bag at once, so it is never counted twice', async () => {
    const first = world.transaction(Roles.StationOperator);
    const second = world.transaction(Roles.StationOperator);
    await world.contract.RecordScans(first.ctx, JSON.stringify([scan(bag(5))]));
    await world.contract.RecordScans(second.ctx, JSON.stringify([scan(bag(5), { stationId: 'LW-ST-003' })]));
    expect(first.commit().validationCode).toBe('VALID');
    expect(second.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });
});

describe('WasteContract through the fabric-shim router', () => {
  it('routes waste:RegisterSite, waste:RecordScans and waste:GetBag with string arguments', async () => {
    const world = new WasteWorld();
    await world.commission(1, 1);
    const router = new ShimRouter(contracts);
    const site = JSON.stringify({
      siteId: 'LW-ST-001',
      kind: 'STATION',
      districtCode: '440103',
      name: '一号站',
    });
    const register = world.ledger.newTransaction({
      identity: identityForRole(Roles.UrbanInspector),
      args: ['waste:RegisterSite', site],
    });
    expect((await router.invoke(register)).status).toBe(200);
    register.commit();

    const scans = world.ledger.newTransaction({
      identity: identityForRole(Roles.StationOperator),
      args: ['waste:RecordScans', JSON.stringify({ scans: [scan(bag(1))] })],
    });
    const response = await router.invoke(scans);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.payload.toString())).toMatchObject({ accepted: 1 });
    scans.commit();

    const read = world.ledger.newTransaction({
      identity: identityForRole(Roles.Hauler),
      args: ['waste:GetBag', bag(1)],
    });
    const trace = await router.invoke(read);
    expect(JSON.parse(trace.payload.toString())).toMatchObject({ status: 'COLLECTED' });
  });
});
