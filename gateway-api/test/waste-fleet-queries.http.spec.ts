import request from 'supertest';
import { type App } from 'supertest/types';

import { makeBagBarcode } from '../../chaincode/src/contract';
import { CSV_BOM } from '../src/common/csv';
import { Database } from '../src/index-db/database/database';
import { type Projector } from '../src/index-db/projection/projector';
import { type LedgerEvent } from '../src/ledger/ledger-events.port';
import { WASTE_PROJECTORS, WasteModule } from '../src/waste';
import { WasteLoadRow } from '../src/waste/entities';
import { WASTE_CLOCK } from '../src/waste/queries/waste-arrival-deadline';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from './support/databases';
import { FakeLedger } from './support/ledger-app';
import { type QueryApp, startQueryApp } from './support/query-app';

// Issue 18 in the index, over HTTP on SQLite and PostgreSQL: vehicles, bins and loads projected from
// events in the shapes chaincode/src/waste/event-payloads.ts declares (a morning with a transfer
// station: bags loaded at a station, arriving at the transfer station, leaving on another truck,
// delivered; a load that never arrives; one recorded before hops existed), then every list, filter,
// CSV, the per-vehicle days, the new bag statuses and anomaly kinds, and bad parameters → 400.

const bag = (serial: number): string => makeBagBarcode('440103', '01', serial);
const NOW = new Date('2026-03-02T04:00:00.000Z'); // 12:00 in Shanghai
const TRUCK_A = '粤A12345D';
const TRUCK_B = '粤B54321D';
const TRUCK_C = '粤C11111D';
const HAULIER = '914403001922038216';
const OTHER_COMPANY = '91350100M000100Y43';
const tx = (name: string): string => name.padEnd(64, '0');
const LOAD_A = tx('a1');
const LOAD_B = tx('b2');
const LOAD_C = tx('c3');
const LOAD_D = tx('d4');
const device = { mspId: 'UrbanMSP', id: 'x509::truck-a', role: 'vehicle_device', device: true };

let block = 1n;
function event(eventName: string, transactionId: string, payload: object): LedgerEvent {
  block += 1n;
  return {
    blockNumber: block,
    transactionId,
    chaincodeName: 'govtrace',
    eventName,
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

const site = (siteId: string, kind: string) =>
  event('WasteSiteRegistered', tx(siteId), {
    siteId,
    kind,
    districtCode: '440103',
    name: `${siteId} 站`,
    registeredAt: '2026-02-01T00:00:00.000Z',
    registeredBy: 'UrbanMSP',
    txId: tx(siteId),
  });
const vehicle = (vehicleId: string, companyUscc: string) =>
  event('WasteVehicleRegistered', tx(`v${vehicleId.length}`), {
    vehicleId,
    companyUscc,
    rfidTag: 'E2801160600002040A1B2C3D',
    capacityKg: 8000,
    status: 'ACTIVE',
    registeredAt: '2026-02-02T00:00:00.000Z',
    registeredBy: 'UrbanMSP',
    txId: tx('v'),
  });
const retired = (eventName: string, field: string, id: string) =>
  event(eventName, tx('r'), {
    [field]: id,
    status: 'RETIRED',
    retiredAt: '2026-02-20T00:00:00.000Z',
    retiredBy: 'UrbanMSP',
    txId: tx('r'),
  });
const bin = (binId: string, siteId: string) =>
  event('WasteBinRegistered', tx('bin'), {
    binId,
    siteId,
    rfidTag: 'E2801160600002040A1B2C3E',
    category: '01',
    status: 'ACTIVE',
    registeredAt: '2026-02-03T00:00:00.000Z',
    registeredBy: 'UrbanMSP',
    txId: tx('bin'),
  });
const accepted = (serial: number, stationId: string) => ({
  barcode: bag(serial),
  stationId,
  scannedAt: '2026-03-02T07:00:00+08:00',
  weightGrams: 1000,
  quality: 'CONFORMANT',
  binId: `${stationId}-B01`,
  districtCode: '440103',
  bagCategory: '01',
});
const items = { duplicates: [], rejected: [] };
const collection = (loadId: string, fields: object) =>
  event('WasteCollectionRecorded', loadId, {
    loadId,
    recordedAt: '2026-03-02T04:00:00.000Z',
    ...items,
    anomalies: [],
    bagAnomalies: [],
    ...fields,
  });
const delivery = (deliveryId: string, fields: object) =>
  event('WasteDeliveryRecorded', deliveryId, {
    deliveryId,
    recordedAt: '2026-03-02T04:00:00.000Z',
    reportedBy: { ...device, role: 'site_device' },
    ...items,
    anomalies: [],
    ...fields,
  });
const correction = (correctionId: string, correctedWeightGrams: number, correctedAt: string) =>
  event('WasteLoadWeightCorrected', correctionId, {
    correctionId,
    loadId: LOAD_A,
    originalWeightGrams: 4100,
    correctedWeightGrams,
    reason: '传感器漂移，人工复秤',
    correctedAt,
    correctedBy: 'UrbanMSP',
    correctedById: 'x509::hauler',
    correctedByRole: 'hauler',
    txId: correctionId,
  });

const MORNING: LedgerEvent[] = [
  site('LW-ST-001', 'STATION'),
  site('LW-ST-002', 'STATION'),
  site('LW-TR-001', 'TRANSFER'),
  site('FAC-001', 'FACILITY'),
  vehicle(TRUCK_A, HAULIER),
  vehicle(TRUCK_B, HAULIER),
  vehicle(TRUCK_C, OTHER_COMPANY),
  retired('WasteVehicleRetired', 'vehicleId', TRUCK_C),
  bin('LW-ST-001-B01', 'LW-ST-001'),
  bin('LW-ST-001-B02', 'LW-ST-001'),
  bin('LW-ST-002-B01', 'LW-ST-002'),
  retired('WasteBinRetired', 'binId', 'LW-ST-001-B02'),
  event('WasteBagsCommissioned', tx('bags'), {
    batchId: bag(1),
    barcodes: [1, 2, 3, 4, 5, 6, 7, 8].map(bag),
    districtCode: '440103',
    category: '01',
    firstSerial: 1,
    householdHash: 'f'.repeat(64),
    commissionedAt: '2026-02-15T00:00:00.000Z',
    commissionedBy: 'UrbanMSP',
    txId: tx('bags'),
  }),
  event('WasteScansRecorded', tx('scans'), {
    txId: tx('scans'),
    recordedAt: '2026-03-01T23:00:00.000Z',
    reportedBy: { ...device, role: 'site_device' },
    accepted: [
      ...[1, 2, 3, 4, 5, 6].map((serial) => accepted(serial, 'LW-ST-001')),
      accepted(7, 'LW-ST-002'),
      accepted(8, 'LW-ST-002'),
    ],
    ...items,
    anomalies: [],
  }),
  // hop 1, weighed by the truck's device, off its route
  collection(LOAD_A, {
    stationId: 'LW-ST-001',
    siteKind: 'STATION',
    hop: 1,
    vehicleId: TRUCK_A,
    barcodes: [1, 2, 3, 4].map(bag),
    collectedAt: '2026-03-02T08:00:00+08:00',
    loadWeightGrams: 4100,
    scannedWeightGrams: 4000,
    reportedBy: device,
    anomalies: [{ type: 'OFF_ROUTE', message: 'LW-ST-001 is not on the route of 2026-03-02' }],
  }),
  // three of its bags arrive at the transfer station: no outcome
  delivery(tx('dt'), {
    facilityId: 'LW-TR-001',
    siteKind: 'TRANSFER',
    vehicleId: TRUCK_A,
    barcodes: [1, 2, 3].map(bag),
    receivedAt: '2026-03-02T09:00:00+08:00',
    receivedWeightGrams: 3000,
    expectedWeightGrams: 3075,
    arrivedLoads: [{ loadId: LOAD_A, bags: 3 }],
  }),
  // hop 2: two of them leave on truck B and reach the facility, lighter than they left
  collection(LOAD_B, {
    stationId: 'LW-TR-001',
    siteKind: 'TRANSFER',
    hop: 2,
    vehicleId: TRUCK_B,
    barcodes: [1, 2].map(bag),
    collectedAt: '2026-03-02T10:00:00+08:00',
    loadWeightGrams: 2000,
    scannedWeightGrams: 2000,
  }),
  delivery(tx('df'), {
    facilityId: 'FAC-001',
    siteKind: 'FACILITY',
    vehicleId: TRUCK_B,
    barcodes: [1, 2].map(bag),
    receivedAt: '2026-03-02T11:00:00+08:00',
    outcome: 'INCINERATED',
    receivedWeightGrams: 1500,
    expectedWeightGrams: 2000,
    arrivedLoads: [{ loadId: LOAD_B, bags: 2 }],
    anomalies: [{ type: 'HOP_WEIGHT_MISMATCH', message: '1500 g arrived, 2000 g left' }],
  }),
  // six hours on the road with a 240-minute deadline: OVERDUE
  collection(LOAD_C, {
    stationId: 'LW-ST-002',
    siteKind: 'STATION',
    hop: 1,
    vehicleId: TRUCK_A,
    barcodes: [bag(7)],
    collectedAt: '2026-03-02T06:00:00+08:00',
    loadWeightGrams: 1000,
    scannedWeightGrams: 1000,
  }),
  // recorded before hops existed: no siteKind, hop or reporter (a first hop from a station)
  collection(LOAD_D, {
    stationId: 'LW-ST-001',
    vehicleId: TRUCK_A,
    barcodes: [5, 6].map(bag),
    collectedAt: '2026-03-02T11:00:00+08:00',
    loadWeightGrams: 2000,
    scannedWeightGrams: 2000,
  }),
  correction(tx('k2'), 4000, '2026-03-02T02:00:00.000Z'),
  // an older correction delivered late does not replace the newer one
  correction(tx('k1'), 4500, '2026-03-02T01:00:00.000Z'),
];

interface Page {
  items: Record<string, unknown>[];
  page: number;
  pageSize: number;
  total: number;
}

describe.each(TEST_DATABASES)('waste vehicles, bins and loads over HTTP on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  const ledger = new FakeLedger();
  let queryApp: QueryApp;
  let server: App;

  beforeAll(async () => {
    await database.setUp();
    ledger.answer = {
      toleranceRatio: '0.1',
      toleranceBasisPoints: 1000,
      arrivalDeadlineMinutes: 240,
      updatedAt: '',
      updatedBy: '',
    };
    const feature = { module: WasteModule, providers: [{ provide: WASTE_CLOCK, useValue: () => NOW }] };
    queryApp = await startQueryApp(feature, await database.fresh(), ledger);
    server = queryApp.app.getHttpServer();
    const projectors = new Map<string, Projector>(
      WASTE_PROJECTORS.map((Type) => new Type()).map((projector) => [projector.eventName, projector]),
    );
    const index = new Database(queryApp.dataSource);
    for (const each of MORNING) {
      const projector = projectors.get(each.eventName);
      if (projector === undefined) throw new Error(`no projector for ${each.eventName}`);
      const projection = projector.prepare(each);
      await index.transaction((manager) => projection.write(manager));
    }
    // a redelivered arrival counts nothing twice
    const redelivered = MORNING.find((each) => each.transactionId === tx('dt'));
    if (redelivered !== undefined) {
      await index.transaction((manager) =>
        projectors.get('WasteDeliveryRecorded')!.prepare(redelivered).write(manager),
      );
    }
  }, DATABASE_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await queryApp?.close();
    await database.tearDown();
  });

  const get = (url: string, query: Record<string, string> = {}) =>
    request(server).get(url).query(query).set('Authorization', 'Bearer hauler');
  async function idsOf(url: string, field: string, query: Record<string, string>): Promise<string[]> {
    const answer = await get(url, query);
    expect(answer.status).toBe(200);
    return (answer.body as Page).items.map((item) => String(item[field]));
  }

  it.each([
    [{}, [TRUCK_A, TRUCK_B, TRUCK_C].sort()],
    [{ status: 'ACTIVE' }, [TRUCK_A, TRUCK_B].sort()],
    [{ status: 'RETIRED' }, [TRUCK_C]],
    [{ companyUscc: OTHER_COMPANY }, [TRUCK_C]],
    [{ companyUscc: HAULIER, status: 'RETIRED' }, []],
  ])('lists vehicles %j', async (query, expected) => {
    expect(await idsOf('/api/v1/waste/vehicles', 'vehicleId', query)).toEqual(expected);
  });

  it('answers a vehicle with its registration and retirement, and the list as CSV', async () => {
    const answer = await get('/api/v1/waste/vehicles', { status: 'RETIRED' });
    expect((answer.body as Page).items[0]).toEqual({
      vehicleId: TRUCK_C,
      companyUscc: OTHER_COMPANY,
      rfidTag: 'E2801160600002040A1B2C3D',
      capacityKg: 8000,
      status: 'RETIRED',
      registeredAt: '2026-02-02T00:00:00.000Z',
      retiredAt: '2026-02-20T00:00:00.000Z',
    });
    const csv = await get('/api/v1/waste/vehicles', { format: 'csv' }).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('vehicleId,companyUscc,rfidTag,capacityKg,status,registeredAt,retiredAt');
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(csv.text).toContain(`${TRUCK_A},${HAULIER},`);
  });

  it.each([
    [{}, ['LW-ST-001-B01', 'LW-ST-001-B02', 'LW-ST-002-B01']],
    [{ siteId: 'LW-ST-001' }, ['LW-ST-001-B01', 'LW-ST-001-B02']],
    [{ status: 'RETIRED' }, ['LW-ST-001-B02']],
    [{ siteId: 'LW-ST-002', status: 'ACTIVE' }, ['LW-ST-002-B01']],
    [{ siteId: 'LW-TR-001' }, []],
  ])('lists bins %j', async (query, expected) => {
    expect(await idsOf('/api/v1/waste/bins', 'binId', query)).toEqual(expected);
  });

  it('answers the bins as CSV', async () => {
    const csv = await get('/api/v1/waste/bins', { siteId: 'LW-ST-002' })
      .set('Accept', 'text/csv')
      .buffer(true);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('binId,siteId,rfidTag,category,status,registeredAt,retiredAt');
    expect(lines[1]).toBe(
      'LW-ST-002-B01,LW-ST-002,E2801160600002040A1B2C3E,01,ACTIVE,2026-02-03T00:00:00.000Z,',
    );
  });

  it.each([
    // newest collection first
    [{}, [LOAD_D, LOAD_B, LOAD_A, LOAD_C]],
    [{ status: 'ARRIVED' }, [LOAD_B, LOAD_A]],
    [{ status: 'OVERDUE' }, [LOAD_C]],
    [{ status: 'IN_TRANSIT' }, [LOAD_D]],
    [{ vehicleId: TRUCK_B }, [LOAD_B]],
    [{ stationId: 'LW-TR-001' }, [LOAD_B]],
    [{ vehicleId: TRUCK_A, status: 'ARRIVED' }, [LOAD_A]],
    [{ from: '2026-03-02', to: '2026-03-02' }, [LOAD_D, LOAD_B, LOAD_A, LOAD_C]],
    [{ from: '2026-03-03' }, []],
    [{ to: '2026-03-01' }, []],
  ])('lists loads %j', async (query, expected) => {
    expect(await idsOf('/api/v1/waste/loads', 'loadId', query)).toEqual(expected);
  });

  it('answers each load with its hop, arrivals, correction, device and route flags', async () => {
    const answer = await get('/api/v1/waste/loads', { pageSize: '10' });
    const byId = new Map((answer.body as Page).items.map((item) => [item.loadId, item]));
    expect(byId.get(LOAD_A)).toEqual({
      loadId: LOAD_A,
      vehicleId: TRUCK_A,
      stationId: 'LW-ST-001',
      siteKind: 'STATION',
      hop: 1,
      collectedAt: '2026-03-02T08:00:00+08:00',
      day: '2026-03-02',
      bags: 4,
      arrivedBags: 3,
      loadWeightGrams: 4100,
      correctedWeightGrams: 4000,
      scannedWeightGrams: 4000,
      deviceReported: true,
      offRoute: true,
      anomalies: 1,
      status: 'ARRIVED',
    });
    expect(byId.get(LOAD_B)).toMatchObject({ siteKind: 'TRANSFER', hop: 2, bags: 2, arrivedBags: 2 });
    expect(byId.get(LOAD_D)).toMatchObject({
      siteKind: 'STATION',
      hop: 1,
      deviceReported: false,
      offRoute: false,
      correctedWeightGrams: null,
      status: 'IN_TRANSIT',
    });
    // the deadline was read once from the ledger and reused
    expect(ledger.calls.filter((call) => call.transaction === 'GetConfig')).toHaveLength(1);
  });

  it('answers the loads as CSV', async () => {
    const csv = await get('/api/v1/waste/loads', { status: 'OVERDUE', format: 'csv' }).buffer(true);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="waste-loads-/);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'loadId,vehicleId,stationId,siteKind,hop,collectedAt,day,bags,arrivedBags,loadWeightGrams,' +
        'correctedWeightGrams,scannedWeightGrams,deviceReported,offRoute,anomalies,status',
    );
    expect(lines[1]).toBe(
      `${LOAD_C},${TRUCK_A},LW-ST-002,STATION,1,2026-03-02T06:00:00+08:00,2026-03-02,1,0,1000,,1000,false,false,0,OVERDUE`,
    );
  });

  it("counts a vehicle's trips, weight (corrected) and anomalies (its loads' and each overdue load) per day", async () => {
    const answer = await get(`/api/v1/waste/vehicles/${encodeURIComponent(TRUCK_A)}/stats/daily`, {
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      vehicleId: TRUCK_A,
      from: '2026-03-01',
      to: '2026-03-02',
      timeZone: '+08:00',
      days: [
        { date: '2026-03-01', trips: 0, weightGrams: 0, anomalies: 0 },
        { date: '2026-03-02', trips: 3, weightGrams: 7000, anomalies: 2 },
      ],
      totals: { trips: 3, weightGrams: 7000, anomalies: 2 },
    });
    const csv = await get(`/api/v1/waste/vehicles/${encodeURIComponent(TRUCK_B)}/stats/daily`, {
      from: '2026-03-02',
      to: '2026-03-02',
      format: 'csv',
    }).buffer(true);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="waste-vehicle-daily-2026-03-02-2026-03-02.csv"',
    );
    expect(csv.text.slice(1).split('\r\n').slice(0, 2)).toEqual([
      'vehicleId,date,trips,weightGrams,anomalies',
      `${TRUCK_B},2026-03-02,1,2000,0`,
    ]);
    const unknown = await get(`/api/v1/waste/vehicles/${encodeURIComponent('粤A99999D')}/stats/daily`, {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(unknown.status).toBe(404);
  });

  it("counts what passed through a transfer station per day; a collection station's days have no transfer", async () => {
    const answer = await get('/api/v1/waste/stations/LW-TR-001/stats/daily', {
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(answer.status).toBe(200);
    const stats = answer.body as {
      days: { transfer?: object }[];
      totals: { transfer?: object; bags: number };
    };
    const through = { arrivedBags: 3, arrivedWeightGrams: 3000, departedBags: 2, departedWeightGrams: 2000 };
    expect(stats.days.map((day) => day.transfer)).toEqual([
      { arrivedBags: 0, arrivedWeightGrams: 0, departedBags: 0, departedWeightGrams: 0 },
      through,
    ]);
    expect(stats.totals).toMatchObject({ bags: 0, transfer: through });
    const station = await get('/api/v1/waste/stations/LW-ST-001/stats/daily', {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(station.body).not.toHaveProperty('totals.transfer');
    expect(station.body).toMatchObject({ totals: { bags: 6, weightGrams: 6000 } });
  });

  it.each([
    ['DELIVERED', [1, 2]],
    ['TRANSFER_ARRIVED', [3]],
    ['TRANSFER_DEPARTED', []],
    ['LOADED', [4, 5, 6, 7]],
    ['COLLECTED', [8]],
  ])('lists bags whose latest step is %s', async (status, serials) => {
    expect(await idsOf('/api/v1/waste/bags', 'barcode', { status })).toEqual(serials.map(bag));
  });

  it('answers a bag through the transfer station with both hops', async () => {
    const answer = await get('/api/v1/waste/bags', { status: 'TRANSFER_ARRIVED' });
    expect((answer.body as Page).items[0]).toMatchObject({
      status: 'TRANSFER_ARRIVED',
      loadedAt: '2026-03-02T08:00:00+08:00',
      transferSiteId: 'LW-TR-001',
      transferArrivedAt: '2026-03-02T09:00:00+08:00',
      transferDepartedAt: null,
      deliveredAt: null,
    });
    const delivered = await get('/api/v1/waste/bags', { status: 'DELIVERED' });
    expect((delivered.body as Page).items[0]).toMatchObject({
      transferDepartedAt: '2026-03-02T10:00:00+08:00',
      facilityId: 'FAC-001',
      outcome: 'INCINERATED',
    });
  });

  it.each([
    ['OFF_ROUTE', 'LW-ST-001'],
    ['HOP_WEIGHT_MISMATCH', 'FAC-001'],
  ])('lists %s anomalies at their site', async (kind, stationId) => {
    const answer = await get('/api/v1/waste/anomalies', { kind });
    expect(answer.status).toBe(200);
    expect((answer.body as Page).items).toEqual([expect.objectContaining({ type: kind, stationId })]);
  });

  it('keeps the load rows the projectors wrote (the index, not the answer, holds the UTC time)', async () => {
    const row = await queryApp.dataSource.manager.findOneByOrFail(WasteLoadRow, { loadId: LOAD_C });
    expect(row.collectedUtc).toBe('2026-03-01T22:00:00.000Z');
  });

  it.each([
    ['/api/v1/waste/vehicles', 'status', { status: 'active' }],
    ['/api/v1/waste/vehicles', 'companyUscc', { companyUscc: '914403001922038217' }],
    ['/api/v1/waste/vehicles', 'pageSize', { pageSize: '101' }],
    ['/api/v1/waste/vehicles', 'plate', { plate: TRUCK_A }],
    ['/api/v1/waste/bins', 'siteId', { siteId: 'lw-st-001' }],
    ['/api/v1/waste/bins', 'status', { status: 'GONE' }],
    ['/api/v1/waste/bins', 'format', { format: 'xlsx' }],
    ['/api/v1/waste/loads', 'status', { status: 'LATE' }],
    ['/api/v1/waste/loads', 'vehicleId', { vehicleId: '粤I12345' }],
    ['/api/v1/waste/loads', 'stationId', { stationId: 'x y' }],
    ['/api/v1/waste/loads', 'from', { from: '2026-02-30' }],
    ['/api/v1/waste/loads', 'to', { from: '2026-03-02', to: '2026-03-01' }],
    ['/api/v1/waste/loads', 'page', { page: '0' }],
    [`/api/v1/waste/vehicles/${encodeURIComponent(TRUCK_A)}/stats/daily`, 'from', { to: '2026-03-01' }],
    [
      `/api/v1/waste/vehicles/${encodeURIComponent(TRUCK_A)}/stats/daily`,
      'to',
      { from: '2025-01-01', to: '2026-01-02' },
    ],
    ['/api/v1/waste/vehicles/ABC/stats/daily', 'vehicleId', { from: '2026-03-01', to: '2026-03-01' }],
    ['/api/v1/waste/bags', 'status', { status: 'IN_TRANSFER' }],
  ])('%s refuses a bad %s with 400 naming it', async (url, field, query) => {
    const answer = await get(url, query);
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(answer.body)).toEqual([field]);
  });

  it('answers 401 without a token', async () => {
    expect((await request(server).get('/api/v1/waste/loads')).status).toBe(401);
  });
});
