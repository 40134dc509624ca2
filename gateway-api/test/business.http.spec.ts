import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { DataSource } from 'typeorm';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { BUSINESS_PROJECTORS, BusinessCalendarModule, BusinessModule } from '../src/business';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../src/common/paging/page-query';
import { validateEnv } from '../src/config/validate-env';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../src/ledger/ledger-client.port';
import { LEDGER_EVENT_SOURCE } from '../src/ledger/ledger-events.port';
import { badIntegerValues, type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { InMemoryEventSource, waitFor } from './support/in-memory-event-source';

// The business routes through HTTP with the real auth guard, validation pipe and an SQLite index; the
// ledger is a fake.

Logger.overrideLogger(false);

const USCC = '91350100M000100Y43';
const USERS = [
  ['tax-officer', 'TaxMSP', 'tax_officer'],
  ['market-clerk', 'MarketMSP', 'market_clerk'],
  ['registry-clerk', 'RegistryMSP', 'registry_clerk'],
] as const;
const token = (user: string): string => `token-of-${user}`;
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

const calls: { user: string; call: LedgerCall }[] = [];
const fakeLedger: LedgerClient = {
  submit(user: string, call: LedgerCall): Promise<SubmitResult> {
    calls.push({ user, call });
    const [first, second] = call.args;
    // as the chaincode answers: CompleteStep(caseId, step, reference), CompleteTaxStep(caseId, reference)
    const step = call.transaction === 'CompleteTaxStep' ? 'TAX' : second;
    const result =
      call.transaction === 'OpenCase'
        ? { caseId: `BO-${USCC}`, uscc: USCC }
        : { caseId: first, step, completedAt: '2026-03-02T02:00:00.000Z' };
    return Promise.resolve({ txId: 'tx-1', blockNumber: 5n, result: encode(result) });
  },
  evaluate(user: string, call: LedgerCall): Promise<Uint8Array> {
    calls.push({ user, call });
    return Promise.resolve(
      encode({
        caseId: `BO-${USCC}`,
        uscc: USCC,
        name: '广州示例科技有限公司',
        entityType: 'LIMITED_LIABILITY_COMPANY',
        registeredCapitalFen: 100_000_000,
        address: '广州市天河区示例路1号',
        businessScope: '软件开发',
        legalRepresentative: '欧*明',
        openedBy: { mspId: 'MarketMSP', role: 'market_clerk', id: 'x509::CN=clerk' },
        status: 'COMPLETED',
        openedAt: '2026-03-02T01:00:00.000Z',
        completedAt: '2026-03-02T03:00:00.000Z',
        steps: [],
      }),
    );
  },
};

const source = new InMemoryEventSource();

@Module({ providers: [{ provide: LEDGER_EVENT_SOURCE, useValue: source }], exports: [LEDGER_EVENT_SOURCE] })
class FakeEventsModule {}

describe('business routes over HTTP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-business-'));
  const saved = { ...process.env };
  let app: NestExpressApplication;
  let server: App;
  let dataSource: DataSource;

  beforeAll(async () => {
    const identities = path.join(dir, 'identities.json');
    const users = USERS.map(([user, mspId, role]) => ({
      user,
      mspId,
      role,
      certificatePath: 'cert.pem',
      privateKeyPath: 'key.pem',
      tokenSha256: createHash('sha256').update(token(user)).digest('hex'),
      revoked: false,
      enrolledAt: '2026-01-01T00:00:00.000Z',
    }));
    writeFileSync(identities, JSON.stringify({ version: 1, users }));
    Object.assign(process.env, { GOVTRACE_IDENTITIES: identities, DATABASE_TYPE: 'sqlite' });
    // the database as it will be once the business entities and migration are registered
    dataSource = await new DataSource({
      ...createDataSourceOptions({ type: 'sqlite', path: path.join(dir, 'index.sqlite') }),
      entities: ENTITIES,
      migrations: MIGRATIONS,
    }).initialize();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        AuthModule,
        BusinessModule,
        // the index wired as the README says AppModule should
        IndexModule.register({
          imports: [FakeEventsModule, BusinessCalendarModule],
          projectors: [...BUSINESS_PROJECTORS],
          listener: { initialDelayMs: 5 },
        }),
      ],
    })
      .overrideProvider(LEDGER_CLIENT)
      .useValue(fakeLedger)
      .overrideProvider(DataSource)
      .useValue(dataSource)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => calls.splice(0));

  const as = (user: string) => ({ Authorization: `Bearer ${token(user)}` });
  const body = {
    uscc: USCC,
    name: '广州示例科技有限公司',
    entityType: 'LIMITED_LIABILITY_COMPANY',
    legalRepresentative: { name: '欧阳小明', idNumber: '11010519491231002X' },
    registeredCapitalCny: 1000000,
    address: '广州市天河区示例路1号',
    businessScope: '软件开发',
  };

  it('opens a case as a market clerk: 201 with caseId, uscc, txId, blockNumber', async () => {
    const res = await request(server).post('/api/v1/business/cases').set(as('market-clerk')).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ caseId: `BO-${USCC}`, uscc: USCC, txId: 'tx-1', blockNumber: 5 });
    expect(calls[0]?.user).toBe('market-clerk');
  });

  it('refuses another role with 403 and a bad USCC with 400 naming uscc, before the ledger', async () => {
    const forbidden = await request(server).post('/api/v1/business/cases').set(as('tax-officer')).send(body);
    expect(forbidden.status).toBe(403);
    const bad = await request(server)
      .post('/api/v1/business/cases')
      .set(as('market-clerk'))
      .send({ ...body, uscc: '91350100M000100Y44' });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect((bad.body as ErrorBody).error.details).toEqual([expect.objectContaining({ field: 'uscc' })]);
    expect(calls).toEqual([]);
  });

  it.each([
    ['TAX', 'tax-officer', 201],
    ['TAX', 'market-clerk', 403],
    ['SEAL', 'market-clerk', 201],
    ['SEAL', 'tax-officer', 403],
    ['LICENSE', 'registry-clerk', 403],
    ['NAP', 'market-clerk', 400],
  ])('step %s by %s answers %i', async (step, user, status) => {
    const res = await request(server)
      .post(`/api/v1/business/cases/BO-${USCC}/steps/${step}`)
      .set(as(user))
      .send({ reference: 'R-1' });
    expect(res.status).toBe(status);
    if (status === 201) {
      expect(res.body).toMatchObject({ caseId: `BO-${USCC}`, step, txId: 'tx-1', blockNumber: 5 });
    } else {
      expect(calls).toEqual([]);
    }
  });

  it('reads a case with its working time', async () => {
    const res = await request(server)
      .get(`/api/v1/business/cases/bo-${USCC.toLowerCase()}`)
      .set(as('tax-officer'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'COMPLETED',
      elapsedWorkingMillis: 7_200_000,
      withinTarget: true,
    });
    expect(calls[0]?.call.args).toEqual([`BO-${USCC}`]);
  });

  it('serves the index lists, refusing unknown or bad query parameters', async () => {
    const list = await request(server)
      .get('/api/v1/business/cases?status=OPEN&overTarget=true&page=1')
      .set(as('market-clerk'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    const search = await request(server)
      .get('/api/v1/business/enterprises?namePrefix=广州')
      .set(as('market-clerk'));
    expect(search.status).toBe(200);
    for (const query of ['status=DONE', 'overTarget=yes', 'pageSize=1000', 'colour=red']) {
      const res = await request(server).get(`/api/v1/business/cases?${query}`).set(as('market-clerk'));
      expect(res.status).toBe(400);
    }
    const badUscc = await request(server)
      .get('/api/v1/business/enterprises?uscc=123')
      .set(as('market-clerk'));
    expect((badUscc.body as ErrorBody).error.details).toEqual([expect.objectContaining({ field: 'uscc' })]);
  });

  describe('list query parameters: 400 VALIDATION_FAILED naming the parameter', () => {
    const LISTS = ['/api/v1/business/cases', '/api/v1/business/enterprises'];
    const paging = [
      ...badIntegerValues(MAX_PAGE).map(([what, value]) => ['page', what, value]),
      ...badIntegerValues(MAX_PAGE_SIZE).map(([what, value]) => ['pageSize', what, value]),
      ['page', 'repeated', ['1', '2']],
    ] as const;
    const cases = LISTS.flatMap((list) =>
      paging.map(([parameter, what, value]) => [list, parameter, what, value] as const),
    );
    const byList: (readonly [string, string, string, string | readonly string[]])[] = [
      ['/api/v1/business/cases', 'status', 'not a status', 'DONE'],
      ['/api/v1/business/cases', 'overTarget', 'not true or false', 'yes'],
      ['/api/v1/business/cases', 'limit', 'unknown', '10'],
      ['/api/v1/business/enterprises', 'uscc', 'a bad check character', '91350100M000100Y44'],
      ['/api/v1/business/enterprises', 'namePrefix', 'over 100 characters', 'x'.repeat(101)],
      ['/api/v1/business/enterprises', 'namePrefix', 'a NUL character', 'a\u0000b'],
      ['/api/v1/business/enterprises', 'offset', 'unknown', '0'],
    ];

    it.each([...cases, ...byList])('%s ?%s= %s', async (list, parameter, _what, value) => {
      const res = await request(server)
        .get(list)
        .query({ [parameter]: value })
        .set(as('market-clerk'));
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
      expect(fieldsNamed(res.body)).toEqual([parameter]);
    });

    it.each(LISTS)('%s accepts the largest page and page size', async (list) => {
      const res = await request(server)
        .get(list)
        .query({ page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE) })
        .set(as('market-clerk'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], page: MAX_PAGE, pageSize: MAX_PAGE_SIZE });
    });
  });

  it('projects chaincode events through IndexModule into the lists', async () => {
    source.commitBlock([
      {
        eventName: 'BusinessCaseOpened',
        payload: JSON.stringify({
          caseId: `BO-${USCC}`,
          uscc: USCC,
          name: '广州示例科技有限公司',
          normalisedName: '广州示例科技有限公司',
          entityType: 'LIMITED_LIABILITY_COMPANY',
          registeredCapitalFen: 100_000_000,
          legalRepresentative: '欧*明',
          openedAt: '2026-03-02T01:00:00.000Z',
          openedBy: { mspId: 'MarketMSP', role: 'market_clerk' },
        }),
      },
    ]);
    const list = () =>
      request(server).get('/api/v1/business/enterprises?namePrefix=广州 示例').set(as('market-clerk'));
    await waitFor(
      'the case in the index',
      async () => ((await list()).body as { total: number }).total === 1,
    );
    expect((await list()).body).toMatchObject({
      items: [{ uscc: USCC, caseStatus: 'OPEN', licenseStatus: null }],
    });
  });
});
