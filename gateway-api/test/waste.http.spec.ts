import request from 'supertest';
import { type App } from 'supertest/types';

import { makeBagBarcode } from '../../chaincode/src/contract';
import { WasteModule } from '../src/waste';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { FakeLedger, startLedgerApp } from './support/ledger-app';
import { type QueryApp } from './support/query-app';

// The waste routes through HTTP with the real auth guard, validation pipe and error filter; the ledger
// is a fake (the network spec covers the chaincode), the index a real SQLite file.

const barcode = makeBagBarcode('440103', '01', 1);
const scan = {
  barcode,
  stationId: 'LW-ST-001',
  scannedAt: '2026-03-01T08:00:00+08:00',
  weightGrams: 900,
  quality: 'CONFORMANT',
};

describe('waste routes over HTTP', () => {
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

  const post = (url: string, role: string, body: object) =>
    request(server).post(url).set('Authorization', `Bearer ${role}`).send(body);

  it('refuses 1001 scans with 400 before Fabric', async () => {
    const response = await post('/api/v1/waste/scans', 'station_operator', {
      scans: Array.from({ length: 1001 }, () => scan),
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'scans' }] },
    });
    expect(ledger.calls).toEqual([]);
  });

  it('passes a malformed barcode to the chaincode and answers 201 with its per-scan rejection', async () => {
    const rejected = [
      { index: 1, barcode: 'junk', code: 'MALFORMED_BARCODE', message: 'barcode must be 18 digits' },
    ];
    ledger.answer = { accepted: 1, duplicates: [], rejected, anomalies: [] };
    const response = await post('/api/v1/waste/scans', 'station_operator', {
      scans: [scan, { ...scan, barcode: 'junk' }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: [],
      rejected,
      anomalies: [],
      txIds: ['tx-1'],
      blockNumber: 3,
    });
    expect(ledger.calls).toHaveLength(1);
  });

  it('answers 403 naming the role for the wrong caller', async () => {
    const response = await post('/api/v1/waste/scans', 'hauler', { scans: [scan] });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      error: { message: expect.stringContaining('station_operator') as unknown },
    });
  });

  it('answers 400 for a malformed barcode in the trace and 404 for an unknown station in the stats', async () => {
    const trace = await request(server)
      .get('/api/v1/waste/bags/12345/trace')
      .set('Authorization', 'Bearer hauler');
    expect(trace.status).toBe(400);
    expect(trace.body).toMatchObject({ error: { details: [{ field: 'barcode' }] } });
    const stats = await request(server)
      .get('/api/v1/waste/stations/LW-ST-001/stats?date=2026-03-01')
      .set('Authorization', 'Bearer hauler');
    expect(stats.status).toBe(404);
    const badDate = await request(server)
      .get('/api/v1/waste/stations/LW-ST-001/stats?date=2026-3-1')
      .set('Authorization', 'Bearer hauler');
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ error: { details: [{ field: 'date' }] } });
  });

  describe('device roles, bins on scans and arrivals at a transfer station', () => {
    const delivery = {
      facilityId: 'LW-TR-001',
      vehicleId: '粤A12345D',
      barcodes: [barcode],
      receivedWeightGrams: 900,
      receivedAt: '2026-03-01T10:00:00+08:00',
    };
    const batch = { accepted: 1, duplicates: [], rejected: [], anomalies: [] };

    it("passes a scan's bin to the chaincode, for a station operator and a site device alike", async () => {
      ledger.answer = batch;
      for (const role of ['station_operator', 'site_device']) {
        const response = await post('/api/v1/waste/scans', role, {
          scans: [{ ...scan, binId: 'LW-ST-001-B01' }],
        });
        expect(response.status).toBe(201);
      }
      expect(ledger.calls.map((call) => JSON.parse(String(call.args[0])) as unknown)).toEqual([
        { scans: [{ ...scan, binId: 'LW-ST-001-B01' }] },
        { scans: [{ ...scan, binId: 'LW-ST-001-B01' }] },
      ]);
    });

    it('lets a vehicle device record a collection, and refuses a site device', async () => {
      ledger.answer = { ...batch, loadId: 'tx-1', loadWeightGrams: 900, scannedWeightGrams: 900 };
      const body = {
        vehicleId: '粤A12345D',
        stationId: 'LW-ST-001',
        barcodes: [barcode],
        loadWeightGrams: 900,
        collectedAt: '2026-03-01T09:00:00+08:00',
      };
      expect((await post('/api/v1/waste/collections', 'vehicle_device', body)).status).toBe(201);
      const refused = await post('/api/v1/waste/collections', 'site_device', body);
      expect(refused.status).toBe(403);
      expect(ledger.calls).toHaveLength(1);
    });

    it('sends an arrival without an outcome (a transfer station) and answers the expected weight', async () => {
      ledger.answer = { ...batch, deliveryId: 'tx-1', expectedWeightGrams: 880 };
      const response = await post('/api/v1/waste/deliveries', 'site_device', delivery);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ deliveryId: 'tx-1', expectedWeightGrams: 880, txId: 'tx-1' });
      expect(JSON.parse(String(ledger.calls[0]?.args[0]))).not.toHaveProperty('outcome');
      const vehicleDevice = await post('/api/v1/waste/deliveries', 'vehicle_device', delivery);
      expect(vehicleDevice.status).toBe(403);
    });

    it.each([
      ['outcome', { outcome: 'BURNT' }],
      ['vehicleId', { vehicleId: '粤A-12345' }],
    ])('refuses a delivery with a bad %s with 400 before Fabric', async (field, change) => {
      const response = await post('/api/v1/waste/deliveries', 'facility_operator', {
        ...delivery,
        ...change,
      });
      expect(response.status).toBe(400);
      expect(fieldsNamed(response.body)).toEqual([field]);
      expect(ledger.calls).toEqual([]);
    });
  });

  describe('the load-weight tolerance (GET/PUT /api/v1/waste/config)', () => {
    const config = {
      toleranceRatio: '0.15',
      toleranceBasisPoints: 1500,
      arrivalDeadlineMinutes: 240,
      updatedAt: '',
      updatedBy: '',
    };
    const put = (role: string, body: object) =>
      request(server).put('/api/v1/waste/config').set('Authorization', `Bearer ${role}`).send(body);

    it('reads the configuration for every waste role, from the ledger', async () => {
      ledger.answer = config;
      for (const role of ['urban_inspector', 'station_operator', 'hauler', 'facility_operator']) {
        const response = await request(server)
          .get('/api/v1/waste/config')
          .set('Authorization', `Bearer ${role}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(config);
      }
      expect(ledger.calls.map((call) => call.transaction)).toEqual(Array(4).fill('GetConfig'));
      const clerk = await request(server)
        .get('/api/v1/waste/config')
        .set('Authorization', 'Bearer registry_clerk');
      expect(clerk.status).toBe(403);
    });

    it('lets an urban inspector set it, sent as the exact decimal typed', async () => {
      ledger.answer = { ...config, updatedAt: '2026-03-01T00:00:00.000Z', updatedBy: 'UrbanMSP' };
      const response = await put('urban_inspector', { toleranceRatio: '0.15' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ toleranceRatio: '0.15', txId: 'tx-1', blockNumber: 3 });
      expect(ledger.calls).toEqual([
        expect.objectContaining({ transaction: 'SetConfig', args: ['{"toleranceRatio":"0.15"}'] }),
      ]);
    });

    it('sends the arrival deadline when given, and keeps it out when not', async () => {
      ledger.answer = { ...config, arrivalDeadlineMinutes: 90 };
      const response = await put('urban_inspector', { toleranceRatio: '0.15', arrivalDeadlineMinutes: 90 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ arrivalDeadlineMinutes: 90 });
      expect(ledger.calls[0]?.args).toEqual(['{"toleranceRatio":"0.15","arrivalDeadlineMinutes":90}']);
    });

    it.each([[9], [2881], [60.5], ['60']])(
      'refuses an arrival deadline of %j minutes with 400 before Fabric',
      async (minutes) => {
        const response = await put('urban_inspector', {
          toleranceRatio: '0.15',
          arrivalDeadlineMinutes: minutes,
        });
        expect(response.status).toBe(400);
        expect(fieldsNamed(response.body)).toEqual(['arrivalDeadlineMinutes']);
        expect(ledger.calls).toEqual([]);
      },
    );

    it.each([['1.5'], ['0.12345'], ['-0.1'], ['']])('refuses %j with 400 before Fabric', async (ratio) => {
      const response = await put('urban_inspector', { toleranceRatio: ratio });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { details: [{ field: 'toleranceRatio' }] } });
      expect(ledger.calls).toEqual([]);
    });

    it('refuses a number (it would not stay exact) and any caller but an urban inspector', async () => {
      expect((await put('urban_inspector', { toleranceRatio: 0.15 })).status).toBe(400);
      const operator = await put('station_operator', { toleranceRatio: '0.15' });
      expect(operator.status).toBe(403);
      expect(operator.body).toMatchObject({
        error: { message: expect.stringContaining('urban_inspector') as unknown },
      });
      expect(ledger.calls).toEqual([]);
    });
  });

  const DAY = '2026-03-01';
  it.each<[string, string, Record<string, string | string[]>]>([
    ['date', 'missing', {}],
    ['date', 'not a real day', { date: '2026-02-30' }],
    ['date', 'a date-time', { date: '2026-03-01T00:00:00Z' }],
    ['date', 'huge', { date: '1e30' }],
    ['date', 'repeated', { date: [DAY, '2026-03-02'] }],
    ['limit', 'unknown', { date: DAY, limit: '10' }],
  ])('answers 400 VALIDATION_FAILED naming %s in the stats query (%s)', async (parameter, _what, query) => {
    const response = await request(server)
      .get('/api/v1/waste/stations/LW-ST-001/stats')
      .query(query)
      .set('Authorization', 'Bearer hauler');
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(response.body)).toEqual([parameter]);
  });
});
