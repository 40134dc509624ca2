import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { JsonLogger } from '../src/common/logging/json-logger';
import { validateEnv } from '../src/config/validate-env';
import { FabricModule } from '../src/fabric/fabric.module';
import { FabricReadinessCheck } from '../src/fabric/fabric.readiness';
import { HealthModule } from '../src/health/health.module';
import { TransactionLookupModule } from '../src/transaction-lookup/transaction-lookup.module';
import {
  LEDGER_EVENT_SOURCE,
  type LedgerBlock,
  type LedgerEventSource,
} from '../src/ledger/ledger-events.port';
import { MetricsModule } from '../src/metrics/metrics.module';
import { SmokeModule } from '../src/smoke/smoke.module';
import { NetworkFixture } from './support/network-fixture';

// Runs against the REAL network (`network up` + `deploy`); jest project `gateway-network`.
// The modules are wired as AppModule wires them (see gateway-api/README.md, "Wiring").

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown>[]; txId?: string };
}

const TX_ID = /^[0-9a-f]{64}$/;

describe('gateway against the running Fabric network', () => {
  let fixture: NetworkFixture;
  let app: NestExpressApplication;
  let server: App;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    fixture = await NetworkFixture.create({
      'registry-user': 'RegistryMSP',
      'market-user': 'MarketMSP',
      'revoked-user': 'TaxMSP',
    });
    await fixture.writeIdentities(['revoked-user']);
    process.env['GOVTRACE_CONNECTION_PROFILE'] = fixture.connectionProfilePath;
    process.env['GOVTRACE_IDENTITIES'] = fixture.identitiesPath;
    process.env['FABRIC_SERVICE_USER'] = 'market-user';

    @Module({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        HealthModule.register({ imports: [FabricModule], checks: [FabricReadinessCheck] }),
        AuthModule,
        MetricsModule,
        TransactionLookupModule,
        SmokeModule,
      ],
    })
    class NetworkTestModule {}

    const moduleRef = await Test.createTestingModule({ imports: [NetworkTestModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      ...APP_OPTIONS,
      logger: new JsonLogger('warn', () => undefined),
    });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app?.close();
    await fixture?.remove();
    process.env = savedEnv;
  });

  const auth = (user: string): [string, string] => ['Authorization', `Bearer ${fixture.token(user)}`];
  const newKey = (): string => `gw-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

  it('is ready: the fabric check reaches the peer', async () => {
    const res = await request(server).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      checks: expect.arrayContaining([
        expect.objectContaining({
          name: 'fabric',
          status: 'up',
          message: expect.stringMatching(/height \d+/) as unknown,
        }) as unknown,
      ]) as unknown,
    });
  });

  it('answers 401 UNAUTHENTICATED without a token, and for a revoked one', async () => {
    const missing = await request(server).post('/api/v1/smoke/values').send({ key: 'k', value: 'v' });
    expect(missing.status).toBe(401);
    expect((missing.body as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    const revoked = await request(server)
      .post('/api/v1/smoke/values')
      .set(...auth('revoked-user'))
      .send({ key: 'k', value: 'v' });
    expect(revoked.status).toBe(401);
  });

  describe('a write through the smoke contract', () => {
    const key = newKey();
    let written: { key: string; txId: string; blockNumber: number };

    beforeAll(async () => {
      const res = await request(server)
        .post('/api/v1/smoke/values')
        .set(...auth('registry-user'))
        .send({ key, value: '你好, gateway' });
      expect(res.status).toBe(201);
      written = res.body as typeof written;
    });

    it('answers 201 with the txId and block number after commit', () => {
      expect(written).toEqual({
        key,
        txId: expect.stringMatching(TX_ID) as unknown,
        blockNumber: expect.any(Number) as unknown,
      });
      expect(written.blockNumber).toBeGreaterThan(0);
    });

    it('reads back through another organisation, recording the MSP of the writer', async () => {
      const res = await request(server)
        .get(`/api/v1/smoke/values/${key}`)
        .set(...auth('market-user'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ key, value: '你好, gateway', updatedBy: 'RegistryMSP' });
    });

    it('is on the ledger: VALID, created by RegistryMSP, endorsed by RegistryMSP', async () => {
      const res = await request(server)
        .get(`/api/v1/ledger/transactions/${written.txId}`)
        .set(...auth('registry-user'));
      expect(res.status).toBe(200);
      const tx = res.body as {
        txId: string;
        blockNumber: number;
        validationCode: string;
        timestamp: string;
        creatorMspId: string;
        endorsers: string[];
        creator: { mspId: string; subject?: string; role?: string };
      };
      expect(tx).toMatchObject({
        txId: written.txId,
        blockNumber: written.blockNumber,
        validationCode: 'VALID',
        creatorMspId: 'RegistryMSP',
        creator: { mspId: 'RegistryMSP', subject: 'User1@registry.govtrace.local' },
      });
      expect(Date.now() - Date.parse(tx.timestamp)).toBeLessThan(5 * 60_000);
      expect(tx.endorsers).toContain('RegistryMSP');
      // network/chaincode-definition.yaml: any one department may endorse a key's creation
      expect(tx.endorsers.length).toBeGreaterThanOrEqual(1);
    });

    it('shows the same transaction to a caller without a token, without the name of its creator', async () => {
      const res = await request(server).get(`/api/v1/ledger/transactions/${written.txId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ validationCode: 'VALID', creator: { mspId: 'RegistryMSP' } });
      expect((res.body as { creator: object }).creator).not.toHaveProperty('subject');
    });

    it('reaches the ledger event source in its block, with its origin; the stream stops when aborted', async () => {
      const source = app.get<LedgerEventSource>(LEDGER_EVENT_SOURCE);
      const ours = BigInt(written.blockNumber);
      expect(await source.blockHeight()).toBeGreaterThan(ours);
      const abort = new AbortController();
      const seen: LedgerBlock[] = [];
      // from the block before: every block is delivered, consecutively, whether it has our events or not
      for await (const block of source.blocks({ blockNumber: ours - 1n }, abort.signal)) {
        seen.push(block);
        if (block.blockNumber >= ours) abort.abort();
      }
      expect(seen.map((block) => block.blockNumber)).toEqual([ours - 1n, ours]);
      const event = seen[1]?.events.find((e) => e.transactionId === written.txId);
      expect(event).toMatchObject({ eventName: 'SmokeValueWritten', blockNumber: ours });
      expect(JSON.parse(Buffer.from(event?.payload ?? []).toString('utf8'))).toMatchObject({ key });
      // cryptogen's User1 has no govtrace.role attribute
      expect(event?.origin).toMatchObject({ creatorMspId: 'RegistryMSP' });
      expect(event?.origin).not.toHaveProperty('creatorRole');
      expect(event?.origin.endorserMspIds).toContain('RegistryMSP');
      // the record's state key (a composite key holding the smoke key), in the chaincode's namespace
      const writes = event?.origin.writes.get(event.chaincodeName) ?? [];
      expect(writes.some((stateKey) => stateKey.includes(key))).toBe(true);
    });
  });

  it('writes as the own identity of each caller', async () => {
    const key = newKey();
    const put = await request(server)
      .post('/api/v1/smoke/values')
      .set(...auth('market-user'))
      .send({ key, value: 'market' });
    expect(put.status).toBe(201);
    const res = await request(server)
      .get(`/api/v1/smoke/values/${key}`)
      .set(...auth('registry-user'));
    expect(res.body).toMatchObject({ updatedBy: 'MarketMSP' });
  });

  it('answers 400 VALIDATION_FAILED from the chaincode for a malformed key, with the txId attempted', async () => {
    const res = await request(server)
      .post('/api/v1/smoke/values')
      .set(...auth('registry-user'))
      .send({ key: 'not a valid key!', value: 'x' });
    expect(res.status).toBe(400);
    const { error } = res.body as ErrorBody;
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'invalid smoke value',
      details: [{ field: 'key', message: expect.any(String) as unknown }],
      txId: expect.stringMatching(TX_ID) as unknown,
    });
  });

  it('answers 404 NOT_FOUND from the chaincode for a key never written', async () => {
    const res = await request(server)
      .get(`/api/v1/smoke/values/${newKey()}`)
      .set(...auth('registry-user'));
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).error).not.toHaveProperty('txId');
  });

  it('answers 400 for a malformed transaction id and 404 for an unknown one', async () => {
    const malformed = await request(server).get('/api/v1/ledger/transactions/xyz');
    expect(malformed.status).toBe(400);
    expect((malformed.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    const unknown = await request(server).get(`/api/v1/ledger/transactions/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('refuses a token as soon as identities.json revokes it', async () => {
    const key = newKey();
    const before = await request(server)
      .get(`/api/v1/smoke/values/${key}`)
      .set(...auth('market-user'));
    expect(before.status).toBe(404); // authenticated; the key just does not exist
    await fixture.writeIdentities(['revoked-user', 'market-user']);
    try {
      const after = await request(server)
        .get(`/api/v1/smoke/values/${key}`)
        .set(...auth('market-user'));
      expect(after.status).toBe(401);
    } finally {
      await fixture.writeIdentities(['revoked-user']);
    }
  });

  it('exports Prometheus metrics for HTTP routes and Fabric transactions', async () => {
    const res = await request(server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.text).toMatch(
      /govtrace_fabric_transactions_submitted_total\{contract="smoke",transaction="Put"\} \d+/,
    );
    expect(res.text).toMatch(
      /govtrace_fabric_transactions_failed_total\{contract="smoke",transaction="Put",reason="VALIDATION_FAILED"\} 1/,
    );
    expect(res.text).toContain(
      'govtrace_http_requests_total{method="POST",route="/api/v1/smoke/values",status="201"}',
    );
    expect(res.text).toContain('route="/api/v1/smoke/values/:key"');
  });
});
