import { randomInt } from 'node:crypto';

import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { bagBarcodeCheckDigit } from '../../chaincode/src/contract';
import { FabricModule } from '../src/fabric/fabric.module';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import { WASTE_PROJECTORS, WasteModule } from '../src/waste';
import { registerFreshVehicle } from './support/fresh-vehicle';
import { waitFor } from './support/in-memory-event-source';
import { demoAuth, useNetworkApp } from './support/network-app';

// The waste routes against the running network with the demo users of the local setup
// (.govtrace/api-tokens.json), and the index projecting the real events into an in-memory SQLite.

Logger.overrideLogger(false);

const auth = demoAuth;

// fresh per run: site ids and serials are write-once on the ledger
const RUN = String(randomInt(100_000, 999_999));
const STATION = `WT-ST-${RUN}`;
const FIRST_SERIAL = randomInt(1, 990_000_000);

interface ScanAnswer {
  accepted: number;
  duplicates: string[];
  rejected: { index: number; barcode: string; code: string }[];
  txIds: string[];
}

describe('waste over HTTP on the real network', () => {
  // The index runs too, migrated into its own in-memory SQLite, so the day's counts come from real events.
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: ':memory:' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  const app = useNetworkApp(
    [IndexModule.register({ imports: [FabricModule], projectors: WASTE_PROJECTORS }), WasteModule],
    (builder) => builder.overrideProvider(DataSource).useFactory({ factory: () => dataSource.initialize() }),
  );

  const post = (url: string, user: string, body: object) =>
    request(app()).post(`/api/v1/waste/${url}`).set('Authorization', auth(user)).send(body);

  const registerVehicle = (): Promise<string> =>
    registerFreshVehicle(async (body) => (await post('vehicles', 'urban-inspector', body)).status, 'A');

  it('registers sites, commissions bags, scans a mixed batch, loads and delivers, traces a bag, counts the day', async () => {
    const site = await post('sites', 'urban-inspector', {
      siteId: STATION,
      kind: 'STATION',
      districtCode: '440103',
      name: `测试收集点${RUN}`,
    });
    expect(site.status).toBe(201);
    const again = await post('sites', 'urban-inspector', {
      siteId: STATION,
      kind: 'STATION',
      districtCode: '440103',
      name: 'x',
    });
    expect(again.status).toBe(409);

    const batch = await post('bag-batches', 'urban-inspector', {
      districtCode: '440103',
      category: '01',
      firstSerial: FIRST_SERIAL,
      count: 3,
      householdRef: `household-${RUN}`,
    });
    expect(batch.status).toBe(201);
    const barcodes = (batch.body as { barcodes: string[] }).barcodes;
    expect(barcodes).toHaveLength(3);
    const [first = '', second = ''] = barcodes;

    const at = new Date(Date.now() - 60_000).toISOString();
    const scan = (barcode: string, weightGrams = 800) => ({
      barcode,
      stationId: STATION,
      scannedAt: at,
      weightGrams,
      quality: 'CONFORMANT',
    });
    const misread = `${first.slice(0, 17)}${(Number(first[17]) + 1) % 10}`;
    const scans = await post('scans', 'station-operator', {
      scans: [scan(first), scan(second, 1200), scan(first), scan('garbled'), scan(misread)],
    });
    expect(scans.status).toBe(201);
    const answer = scans.body as ScanAnswer;
    expect(answer.accepted).toBe(2);
    expect(answer.duplicates).toEqual([first]);
    expect(answer.rejected.map(({ index, code }) => [index, code])).toEqual([
      [3, 'MALFORMED_BARCODE'],
      [4, 'BAD_CHECK_DIGIT'],
    ]);
    expect(answer.txIds).toHaveLength(1);

    const unknown = `${first.slice(0, 8)}999999999`;
    const missing = await request(app())
      .get(`/api/v1/waste/bags/${unknown}${bagBarcodeCheckDigit(unknown)}/trace`)
      .set('Authorization', auth('hauler'));
    expect(missing.status).toBe(404);

    const vehicleId = await registerVehicle();
    const collection = await post('collections', 'hauler', {
      vehicleId,
      stationId: STATION,
      barcodes: [first, second, barcodes[2] ?? ''],
      loadWeightGrams: 9000, // scanned 2000: outside the 10 % tolerance
      collectedAt: new Date().toISOString(),
    });
    expect(collection.status).toBe(201);
    expect(collection.body).toMatchObject({
      accepted: 2,
      rejected: [{ index: 2, code: 'OUT_OF_ORDER' }],
      anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH' }],
      scannedWeightGrams: 2000,
      txId: expect.any(String) as unknown,
    });
    const facility = await post('sites', 'urban-inspector', {
      siteId: `WT-FA-${RUN}`,
      kind: 'FACILITY',
      districtCode: '440103',
      name: `测试处理厂${RUN}`,
    });
    expect(facility.status).toBe(201);
    const delivery = await post('deliveries', 'facility-operator', {
      facilityId: `WT-FA-${RUN}`,
      vehicleId,
      barcodes: [first, second],
      receivedWeightGrams: 2000,
      outcome: 'RECYCLED',
      recoveredWeightGrams: 1500,
      receivedAt: new Date().toISOString(),
    });
    expect(delivery.status).toBe(201);
    expect(delivery.body).toMatchObject({
      accepted: 2,
      duplicates: [],
      rejected: [],
      deliveryId: expect.any(String) as unknown,
    });

    const trace = await request(app())
      .get(`/api/v1/waste/bags/${first}/trace`)
      .set('Authorization', auth('hauler'));
    expect(trace.status).toBe(200);
    expect(trace.body).toMatchObject({ barcode: first, status: 'DELIVERED', outcome: 'RECYCLED' });
    expect((trace.body as { events: { step: string }[] }).events.map((event) => event.step)).toEqual([
      'COMMISSIONED',
      'COLLECTED',
      'LOADED',
      'DELIVERED',
    ]);
    const day = new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
    const stats = () =>
      request(app())
        .get(`/api/v1/waste/stations/${STATION}/stats?date=${day}`)
        .set('Authorization', auth('hauler'));
    await waitFor('the index to project the scans', async () => (await stats()).status === 200, 60_000);
    expect((await stats()).body).toMatchObject({
      stationId: STATION,
      categories: [{ category: '01', bags: 2, weightGrams: 2000, conformanceRate: 1 }],
    });
    // the truck load's weight anomaly, projected from the collection event, under the station's day
    const loadDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const loadStats = () =>
      request(app())
        .get(`/api/v1/waste/stations/${STATION}/stats?date=${loadDay}`)
        .set('Authorization', auth('hauler'));
    await waitFor(
      'the index to project the load',
      async () => JSON.stringify((await loadStats()).body).includes('LOAD_WEIGHT_MISMATCH'),
      60_000,
    );
    expect((await loadStats()).body).toMatchObject({
      anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH', txId: (collection.body as { txId: string }).txId }],
    });
  });

  it('reads and sets the load-weight tolerance on the ledger, then puts the previous one back', async () => {
    const read = (user: string) =>
      request(app()).get('/api/v1/waste/config').set('Authorization', auth(user));
    const set = (toleranceRatio: string) =>
      request(app())
        .put('/api/v1/waste/config')
        .set('Authorization', auth('urban-inspector'))
        .send({ toleranceRatio });
    const before = await read('hauler');
    expect(before.status).toBe(200);
    const previous = (before.body as { toleranceRatio: string }).toleranceRatio;
    const wanted = previous === '0.125' ? '0.1' : '0.125';
    try {
      const changed = await set(wanted);
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        toleranceRatio: wanted,
        updatedBy: 'UrbanMSP',
        txId: expect.any(String) as unknown,
      });
      const after = await read('station-operator');
      expect(after.body).toMatchObject({
        toleranceRatio: wanted,
        toleranceBasisPoints: Number(wanted) * 10_000,
      });
      // a value out of range is refused before the ledger, and the tolerance stays as set
      expect((await set('1.5')).status).toBe(400);
    } finally {
      expect((await set(previous)).status).toBe(200);
    }
  });
});
