import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';
import { DataSource } from 'typeorm';

import { makeBagBarcode } from '../../chaincode/src/contract';
import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { type Authentication, TokenAuthenticator } from '../src/auth/token-authenticator';
import { validateEnv } from '../src/config/validate-env';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { MIGRATIONS } from '../src/index-db/migrations';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../src/ledger/ledger-client.port';
import { WasteModule } from '../src/waste';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';

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

class FakeLedger implements LedgerClient {
  readonly calls: LedgerCall[] = [];
  answer: object = {};

  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push(call);
    return Promise.resolve({
      txId: 'tx-1',
      blockNumber: 3n,
      result: Buffer.from(JSON.stringify(this.answer)),
    });
  }

  evaluate(_user: string, call: LedgerCall): Promise<Uint8Array> {
    this.calls.push(call);
    return Promise.resolve(Buffer.from(JSON.stringify(this.answer)));
  }
}

/** The bearer token is the role's name. */
const authenticator = {
  authenticate: (token: string): Promise<Authentication> =>
    Promise.resolve({
      ok: true,
      principal: { user: `${token}-user`, mspId: 'UrbanMSP', role: token },
    } as Authentication),
};

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
    AuthModule,
    WasteModule,
  ],
})
class TestAppModule {}

describe('waste routes over HTTP', () => {
  let dir: string;
  let app: NestExpressApplication;
  let server: App;
  const ledger = new FakeLedger();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-waste-'));
    const options = createDataSourceOptions({ type: 'sqlite', path: path.join(dir, 'index.sqlite') });
    const dataSource = new DataSource({
      ...options,
      entities: ENTITIES,
      migrations: MIGRATIONS,
    });
    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] })
      .overrideProvider(TokenAuthenticator)
      .useValue(authenticator)
      .overrideProvider(LEDGER_CLIENT)
      .useValue(ledger)
      .overrideProvider(DataSource)
      .useFactory({ factory: () => dataSource.initialize() })
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
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

  describe('the load-weight tolerance (GET/PUT /api/v1/waste/config)', () => {
    const config = { toleranceRatio: '0.15', toleranceBasisPoints: 1500, updatedAt: '', updatedBy: '' };
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
