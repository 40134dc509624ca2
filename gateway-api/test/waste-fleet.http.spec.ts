import request from 'supertest';
import { type App } from 'supertest/types';

import { WasteModule } from '../src/waste';
import { fieldsNamed } from './support/bad-query-values';
import { FakeLedger, startLedgerApp } from './support/ledger-app';
import { type QueryApp } from './support/query-app';

// Registered vehicles and bins, routes and loads through HTTP (issue 18): what reaches the chaincode
// (explicit fields, plain ids for retire and reads), the answers passed on with their transaction,
// 400 before Fabric for bad input and 403 for the wrong role. The ledger is a fake; the chaincode's
// own rules are its table tests and the network specs.

const PLATE = '粤A12345D';
const LOAD_ID = 'a'.repeat(64);
const registered = { registeredAt: '2026-03-01T00:00:00.000Z', registeredBy: 'UrbanMSP', status: 'ACTIVE' };
const vehicle = {
  vehicleId: PLATE,
  companyUscc: '914403001922038216',
  rfidTag: 'E2801160600002040A1B2C3D',
  capacityKg: 8000,
};
const bin = {
  binId: 'LW-ST-001-B01',
  siteId: 'LW-ST-001',
  rfidTag: 'E2801160600002040A1B2C3E',
  category: '01',
};
const route = { vehicleId: PLATE, day: '2026-03-01', siteIds: ['LW-ST-001', 'LW-TR-001'] };
const routeAnswer = { ...route, revision: 2, recordedAt: '2026-03-01T00:00:00.000Z', recordedBy: 'UrbanMSP' };
const correction = {
  correctionId: 'tx-1',
  loadId: LOAD_ID,
  originalWeightGrams: 58_000,
  correctedWeightGrams: 61_200,
  reason: '传感器漂移，人工复秤',
  correctedAt: '2026-03-01T09:00:00.000Z',
  correctedBy: 'UrbanMSP',
  correctedById: 'x509::hauler',
  correctedByRole: 'hauler',
};
const load = {
  loadId: LOAD_ID,
  vehicleId: PLATE,
  stationId: 'LW-TR-001',
  siteKind: 'TRANSFER',
  hop: 2,
  collectedAt: '2026-03-01T11:00:00+08:00',
  barcodes: ['440103010000000016'],
  loadWeightGrams: 58_000,
  scannedWeightGrams: 60_000,
  toleranceRatio: '0.1',
  anomalies: [{ type: 'OFF_ROUTE', message: 'LW-TR-001 is not on the route' }],
  reportedBy: { mspId: 'UrbanMSP', id: 'x509::truck', role: 'vehicle_device', device: true },
  recordedAt: '2026-03-01T03:00:01.000Z',
  corrections: [correction],
  effectiveWeightGrams: 61_200,
};

describe('waste vehicles, bins, routes and loads over HTTP', () => {
  let ledgerApp: QueryApp;
  let server: App;
  const ledger = new FakeLedger();

  beforeAll(async () => {
    ledgerApp = await startLedgerApp(WasteModule, ledger);
    server = ledgerApp.app.getHttpServer();
  });

  afterAll(async () => {
    await ledgerApp.close();
  });

  beforeEach(() => {
    ledger.calls.length = 0;
  });

  const post = (url: string, role: string, body: object = {}) =>
    request(server).post(url).set('Authorization', `Bearer ${role}`).send(body);
  const get = (url: string, role = 'hauler') =>
    request(server).get(url).set('Authorization', `Bearer ${role}`);

  it.each([
    ['/api/v1/waste/vehicles', vehicle, 'RegisterVehicle', { ...vehicle, ...registered }],
    ['/api/v1/waste/bins', bin, 'RegisterBin', { ...bin, ...registered }],
  ])('POST %s registers with exactly the declared fields (201)', async (url, body, transaction, answer) => {
    ledger.answer = answer;
    const response = await post(url, 'urban_inspector', body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ ...answer, txId: 'tx-1', blockNumber: 3 });
    expect(ledger.calls).toEqual([
      expect.objectContaining({ transaction, args: [JSON.stringify(body)], endorsingOrgs: ['UrbanMSP'] }),
    ]);
  });

  it.each([
    [`/api/v1/waste/vehicles/${encodeURIComponent(PLATE)}/retire`, 'RetireVehicle', PLATE, vehicle],
    ['/api/v1/waste/bins/LW-ST-001-B01/retire', 'RetireBin', 'LW-ST-001-B01', bin],
  ])('POST %s retires (200) by its id', async (url, transaction, id, record) => {
    const answer = {
      ...record,
      ...registered,
      status: 'RETIRED',
      retiredAt: '2026-06-01T00:00:00.000Z',
      retiredBy: 'UrbanMSP',
    };
    ledger.answer = answer;
    const response = await post(url, 'urban_inspector');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...answer, txId: 'tx-1', blockNumber: 3 });
    expect(ledger.calls).toEqual([expect.objectContaining({ transaction, args: [id] })]);
  });

  it.each([
    [
      `/api/v1/waste/vehicles/${encodeURIComponent(PLATE)}`,
      'GetVehicle',
      [PLATE],
      { ...vehicle, ...registered },
    ],
    ['/api/v1/waste/bins/LW-ST-001-B01', 'GetBin', ['LW-ST-001-B01'], { ...bin, ...registered }],
    [
      `/api/v1/waste/vehicles/${encodeURIComponent(PLATE)}/routes/2026-03-01`,
      'GetRoute',
      [PLATE, '2026-03-01'],
      routeAnswer,
    ],
    [`/api/v1/waste/loads/${LOAD_ID}`, 'GetLoad', [LOAD_ID], load],
  ])('GET %s reads the ledger (%s)', async (url, transaction, args, answer) => {
    ledger.answer = answer;
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(answer);
    expect(ledger.calls).toEqual([expect.objectContaining({ transaction, args })]);
  });

  it('records a route for a hauler and an inspector, and corrects a load for both', async () => {
    ledger.answer = routeAnswer;
    for (const role of ['hauler', 'urban_inspector']) {
      const response = await post('/api/v1/waste/routes', role, route);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ ...routeAnswer, txId: 'tx-1', blockNumber: 3 });
    }
    ledger.answer = correction;
    const corrected = await post(`/api/v1/waste/loads/${LOAD_ID}/corrections`, 'hauler', {
      correctedWeightGrams: 61_200,
      reason: correction.reason,
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toEqual({ ...correction, txId: 'tx-1', blockNumber: 3 });
    expect(ledger.calls.map((call) => [call.transaction, call.args])).toEqual([
      ['RecordRoute', [JSON.stringify(route)]],
      ['RecordRoute', [JSON.stringify(route)]],
      [
        'CorrectLoadWeight',
        [JSON.stringify({ loadId: LOAD_ID, correctedWeightGrams: 61_200, reason: correction.reason })],
      ],
    ]);
  });

  it.each([
    ['/api/v1/waste/vehicles', 'hauler', vehicle],
    ['/api/v1/waste/vehicles', 'vehicle_device', vehicle],
    [`/api/v1/waste/vehicles/${encodeURIComponent(PLATE)}/retire`, 'hauler', {}],
    ['/api/v1/waste/bins', 'station_operator', bin],
    ['/api/v1/waste/bins/LW-ST-001-B01/retire', 'site_device', {}],
    ['/api/v1/waste/routes', 'vehicle_device', route],
    ['/api/v1/waste/routes', 'station_operator', route],
    [
      `/api/v1/waste/loads/${LOAD_ID}/corrections`,
      'vehicle_device',
      { correctedWeightGrams: 1, reason: 'x' },
    ],
    [
      `/api/v1/waste/loads/${LOAD_ID}/corrections`,
      'facility_operator',
      { correctedWeightGrams: 1, reason: 'x' },
    ],
  ])('POST %s refuses %s with 403 before Fabric', async (url, role, body) => {
    const response = await post(url, role, body);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(ledger.calls).toEqual([]);
  });

  it.each<[string, string, object]>([
    ['/api/v1/waste/vehicles', 'vehicleId', { ...vehicle, vehicleId: '粤I12345' }],
    ['/api/v1/waste/vehicles', 'vehicleId', { ...vehicle, vehicleId: '粤A-12345' }],
    ['/api/v1/waste/vehicles', 'companyUscc', { ...vehicle, companyUscc: '914403001922038217' }],
    ['/api/v1/waste/vehicles', 'rfidTag', { ...vehicle, rfidTag: 'e2801160600002040a1b2c3d' }],
    ['/api/v1/waste/vehicles', 'capacityKg', { ...vehicle, capacityKg: 0 }],
    ['/api/v1/waste/vehicles', 'capacityKg', { ...vehicle, capacityKg: 100_001 }],
    ['/api/v1/waste/vehicles', 'owner', { ...vehicle, owner: 'x' }],
    ['/api/v1/waste/bins', 'binId', { ...bin, binId: 'lw-st-001-b01' }],
    ['/api/v1/waste/bins', 'siteId', { ...bin, siteId: '' }],
    ['/api/v1/waste/bins', 'category', { ...bin, category: '05' }],
    ['/api/v1/waste/routes', 'day', { ...route, day: '2026-02-30' }],
    ['/api/v1/waste/routes', 'siteIds', { ...route, siteIds: [] }],
    ['/api/v1/waste/routes', 'siteIds', { ...route, siteIds: ['LW-ST-001', 'LW-ST-001'] }],
    ['/api/v1/waste/routes', 'siteIds', { ...route, siteIds: ['lw'] }],
    ['/api/v1/waste/routes', 'siteIds', { ...route, siteIds: Array.from({ length: 51 }, (_, i) => `S${i}`) }],
    [
      `/api/v1/waste/loads/${LOAD_ID}/corrections`,
      'correctedWeightGrams',
      { correctedWeightGrams: 0, reason: 'x' },
    ],
    [`/api/v1/waste/loads/${LOAD_ID}/corrections`, 'reason', { correctedWeightGrams: 1, reason: '   ' }],
    [
      `/api/v1/waste/loads/${LOAD_ID}/corrections`,
      'reason',
      { correctedWeightGrams: 1, reason: 'x'.repeat(201) },
    ],
    ['/api/v1/waste/loads/abc/corrections', 'loadId', { correctedWeightGrams: 1, reason: 'x' }],
    ['/api/v1/waste/vehicles/ABC/retire', 'vehicleId', {}],
    ['/api/v1/waste/bins/b%20c/retire', 'binId', {}],
  ])('POST %s refuses a bad %s with 400 before Fabric', async (url, field, body) => {
    const role = url.includes('/loads/') ? 'hauler' : url.endsWith('/routes') ? 'hauler' : 'urban_inspector';
    const response = await post(url, role, body);
    expect(response.status).toBe(400);
    expect(fieldsNamed(response.body)).toEqual([field]);
    expect(ledger.calls).toEqual([]);
  });

  it.each([
    ['/api/v1/waste/vehicles/ABC', 'vehicleId'],
    ['/api/v1/waste/bins/x_y', 'binId'],
    [`/api/v1/waste/vehicles/${encodeURIComponent(PLATE)}/routes/2026-13-01`, 'day'],
    ['/api/v1/waste/vehicles/AB/routes/2026-03-01', 'vehicleId'],
    [`/api/v1/waste/loads/${'A'.repeat(64)}`, 'loadId'],
  ])('GET %s refuses a bad %s with 400 before Fabric', async (url, field) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(fieldsNamed(response.body)).toEqual([field]);
    expect(ledger.calls).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    expect((await request(server).get(`/api/v1/waste/loads/${LOAD_ID}`)).status).toBe(401);
  });
});
