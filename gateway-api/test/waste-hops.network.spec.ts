import { randomInt } from 'node:crypto';

import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { FabricModule } from '../src/fabric/fabric.module';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import { WASTE_PROJECTORS, WasteModule } from '../src/waste';
import { registerFreshVehicle } from './support/fresh-vehicle';
import { waitFor } from './support/in-memory-event-source';
import { demoAuth, useNetworkApp } from './support/network-app';

// Issue 18 against the running network with the demo users: a bag's two hops (station → transfer
// station on one truck, transfer station → facility on another), the truck's route, a person's weight
// correction beside the load, a retired truck refused, and the index's loads, bag statuses and transfer
// station days projected from the real events into an in-memory SQLite.

Logger.overrideLogger(false);

const auth = demoAuth;
const RUN = String(randomInt(100_000, 999_999));
const STATION = `WH-ST-${RUN}`;
const TRANSFER = `WH-TR-${RUN}`;
const FACILITY = `WH-FA-${RUN}`;
const FIRST_SERIAL = randomInt(1, 990_000_000);

interface Page {
  items: Record<string, unknown>[];
}

describe('waste hops, vehicles, routes and loads on the real network', () => {
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: ':memory:' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  const app = useNetworkApp(
    [IndexModule.register({ imports: [FabricModule], projectors: WASTE_PROJECTORS }), WasteModule],
    (builder) => builder.overrideProvider(DataSource).useFactory({ factory: () => dataSource.initialize() }),
  );

  const post = (url: string, user: string, body: object = {}) =>
    request(app()).post(`/api/v1/waste/${url}`).set('Authorization', auth(user)).send(body);
  const get = (url: string, user = 'hauler') =>
    request(app()).get(`/api/v1/waste/${url}`).set('Authorization', auth(user));

  const registerVehicle = (): Promise<string> =>
    registerFreshVehicle(async (body) => (await post('vehicles', 'urban-inspector', body)).status, 'B');

  it('moves bags over two hops, flags the off-route load, keeps corrections apart and lists it all', async () => {
    for (const [siteId, kind] of [
      [STATION, 'STATION'],
      [TRANSFER, 'TRANSFER'],
      [FACILITY, 'FACILITY'],
    ] as const) {
      const site = await post('sites', 'urban-inspector', {
        siteId,
        kind,
        districtCode: '440103',
        name: `两段测试${kind}${RUN}`,
      });
      expect(site.status).toBe(201);
    }
    const truckA = await registerVehicle();
    const truckB = await registerVehicle();
    const vehicle = await get(`vehicles/${encodeURIComponent(truckA)}`);
    expect(vehicle.body).toMatchObject({ vehicleId: truckA, status: 'ACTIVE' });

    const now = Date.now();
    const day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
    // truck A's route leaves the station out: its load there is OFF_ROUTE
    const route = await post('routes', 'hauler', { vehicleId: truckA, day, siteIds: [TRANSFER] });
    expect(route.status).toBe(201);
    expect((await get(`vehicles/${encodeURIComponent(truckA)}/routes/${day}`)).body).toMatchObject({
      siteIds: [TRANSFER],
    });

    const batch = await post('bag-batches', 'urban-inspector', {
      districtCode: '440103',
      category: '01',
      firstSerial: FIRST_SERIAL,
      count: 2,
      householdRef: `household-${RUN}`,
    });
    expect(batch.status).toBe(201);
    const barcodes = (batch.body as { barcodes: string[] }).barcodes;
    const at = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
    const scans = await post('scans', 'station-operator', {
      scans: barcodes.map((barcode) => ({
        barcode,
        stationId: STATION,
        scannedAt: at(50),
        weightGrams: 1000,
        quality: 'CONFORMANT',
      })),
    });
    expect(scans.body).toMatchObject({ accepted: 2 });

    const first = await post('collections', 'hauler', {
      vehicleId: truckA,
      stationId: STATION,
      barcodes,
      loadWeightGrams: 2000,
      collectedAt: at(40),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ accepted: 2, anomalies: [{ type: 'OFF_ROUTE' }] });
    const loadA = (first.body as { loadId: string }).loadId;

    const arrival = await post('deliveries', 'facility-operator', {
      facilityId: TRANSFER,
      vehicleId: truckA,
      barcodes,
      receivedWeightGrams: 2000,
      receivedAt: at(30),
    });
    expect(arrival.status).toBe(201);
    expect(arrival.body).toMatchObject({ accepted: 2, expectedWeightGrams: 2000 });

    const second = await post('collections', 'hauler', {
      vehicleId: truckB,
      stationId: TRANSFER,
      barcodes,
      loadWeightGrams: 2000,
      collectedAt: at(20),
    });
    expect(second.body).toMatchObject({ accepted: 2 });
    const delivered = await post('deliveries', 'facility-operator', {
      facilityId: FACILITY,
      vehicleId: truckB,
      barcodes,
      receivedWeightGrams: 2000,
      outcome: 'INCINERATED',
      receivedAt: at(10),
    });
    expect(delivered.body).toMatchObject({ accepted: 2 });

    const corrected = await post(`loads/${loadA}/corrections`, 'hauler', {
      correctedWeightGrams: 2100,
      reason: '复秤',
    });
    expect(corrected.status).toBe(201);
    const load = await get(`loads/${loadA}`);
    expect(load.body).toMatchObject({
      loadId: loadA,
      siteKind: 'STATION',
      hop: 1,
      loadWeightGrams: 2000,
      effectiveWeightGrams: 2100,
      corrections: [{ correctedWeightGrams: 2100, correctedByRole: 'hauler' }],
    });

    await waitFor(
      'the index to count the loads',
      async () =>
        ((await get(`loads?vehicleId=${encodeURIComponent(truckB)}`)).body as Page).items.length === 1,
      60_000,
    );
    const loadsA = (await get(`loads?vehicleId=${encodeURIComponent(truckA)}`)).body as Page;
    expect(loadsA.items).toEqual([
      expect.objectContaining({ loadId: loadA, arrivedBags: 2, offRoute: true, status: 'ARRIVED' }),
    ]);
    const bags = (await get(`bags?batchId=${barcodes[0] ?? ''}`)).body as Page;
    expect(bags.items.map((item) => [item.status, item.transferSiteId])).toEqual([
      ['DELIVERED', TRANSFER],
      ['DELIVERED', TRANSFER],
    ]);
    const transfer = await get(`stations/${TRANSFER}/stats/daily?from=${day}&to=${day}`);
    expect(transfer.body).toMatchObject({
      totals: { transfer: { arrivedBags: 2, arrivedWeightGrams: 2000, departedBags: 2 } },
    });

    const retired = await post(`vehicles/${encodeURIComponent(truckB)}/retire`, 'urban-inspector');
    expect(retired.status).toBe(200);
    const refused = await post('collections', 'hauler', {
      vehicleId: truckB,
      stationId: STATION,
      barcodes,
      loadWeightGrams: 2000,
      collectedAt: at(0),
    });
    expect(refused.status).toBe(422);
  });
});
