import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';
import { DataSource } from 'typeorm';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { NotFoundError } from '../src/common/errors';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../src/common/paging/page-query';
import { validateEnv } from '../src/config/validate-env';
import { IdempotencyInterceptor } from '../src/idempotency/idempotency.interceptor';
import { IdempotencyModule } from '../src/idempotency/idempotency.module';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../src/ledger/ledger-client.port';
import { RealEstateModule } from '../src/real-estate';
import { badIntegerValues, type ErrorBody, fieldsNamed } from './support/bad-query-values';

// The real-estate routes through HTTP with the real auth guard and validation pipe; the ledger is a fake.

Logger.overrideLogger(false);

const UNIT = '440184001016GB00009F00800039';
const ID = '11010519491231002X';
const USERS = [
  ['registry-clerk', 'RegistryMSP', 'registry_clerk'],
  ['tax-officer', 'TaxMSP', 'tax_officer'],
  ['station-operator', 'UrbanMSP', 'station_operator'],
  ['market-clerk', 'MarketMSP', 'market_clerk'],
] as const;
const token = (user: string): string => `token-of-${user}`;
const KEY = Buffer.alloc(32, 0x42);
const HELD = {
  unitNumber: UNIT,
  status: 'REGISTERED',
  titleCertificate: '粤(2026)广州市不动产权第09400110号',
  holdersSequence: 1,
  mortgaged: false,
  seized: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

// GetUnit answers (issue 17): a unit with structured particulars, and one written before them
const PARTICULARS_UNIT = '440184001016GB00009F00800040';
const OLD_UNIT = '440184001016GB00009F00800041';
const TERM = { from: '2026-01-01', to: '2046-01-01' };
const PROPERTY = { location: '广州市从化区某路1号801房', areaM2: '89.50', usage: '住宅' };
const UNIT_RECORDS: Readonly<Record<string, object>> = {
  [PARTICULARS_UNIT]: {
    unitNumber: PARTICULARS_UNIT,
    status: 'REGISTERED',
    property: PROPERTY,
    mortgage: {
      mortgageeName: '某银行',
      mortgageeUscc: '914403001922038216',
      registrationId: 'r-2',
      term: TERM,
    },
    certificates: [],
  },
  [OLD_UNIT]: {
    unitNumber: OLD_UNIT,
    status: 'REGISTERED',
    mortgage: { mortgageeName: '某银行', mortgageeUscc: '914403001922038216', registrationId: 'r-2' },
    certificates: [],
  },
};

const calls: LedgerCall[] = [];
const fakeLedger: LedgerClient = {
  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    calls.push(call);
    // the chaincode answers the certificate it issued (canonical number), when the act issues one
    const { certificateNumber } = JSON.parse(String(call.args[0])) as { certificateNumber?: string };
    const result = {
      registrationId: `${UNIT}-00000001`,
      unitNumber: UNIT,
      sequence: 1,
      type: 'FIRST',
      unitStatus: 'REGISTERED',
      certificateNumber:
        certificateNumber === undefined ? null : certificateNumber.replace('（', '(').replace('）', ')'),
      certificateContentHash: null,
      certificateChanges: [],
    };
    return Promise.resolve({
      txId: 'tx-1',
      blockNumber: 5n,
      result: new TextEncoder().encode(JSON.stringify(result)),
    });
  },
  evaluate(_user: string, call: LedgerCall): Promise<Uint8Array> {
    calls.push(call);
    const record = UNIT_RECORDS[String(call.args[0])];
    if (call.transaction === 'GetUnit' && record !== undefined) {
      return Promise.resolve(new TextEncoder().encode(JSON.stringify(record)));
    }
    if (call.transaction === 'FindUnitsByHolder') {
      return Promise.resolve(new TextEncoder().encode(JSON.stringify({ units: [HELD] })));
    }
    return Promise.reject(new NotFoundError(`unit ${String(call.args[0])} not found`));
  },
};

describe('real-estate routes over HTTP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-real-estate-'));
  const saved = { ...process.env };
  let app: NestExpressApplication;
  let server: App;

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
    const keyFile = path.join(dir, 'holder-lookup.key');
    writeFileSync(keyFile, KEY, { mode: 0o600 });
    Object.assign(process.env, {
      GOVTRACE_IDENTITIES: identities,
      HOLDER_LOOKUP_KEY_FILE: keyFile,
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: ':memory:',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        AuthModule,
        RealEstateModule,
        // as AppModule applies it, to show which routes honour Idempotency-Key
        IdempotencyModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
    })
      .overrideProvider(LEDGER_CLIENT)
      .useValue(fakeLedger)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => calls.splice(0));

  const first = {
    type: 'FIRST',
    unitNumber: UNIT,
    certificateNumber: '粤（2026）广州市不动产权第09400110号',
    holders: [{ name: '张三', idNumber: ID, share: '1/1' }],
  };

  it('registers as a registry clerk: 201 with the registration id, tx id and block', async () => {
    const res = await request(server)
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', `Bearer ${token('registry-clerk')}`)
      .send(first);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      registrationId: `${UNIT}-00000001`,
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产权第09400110号',
      verificationCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/) as unknown,
      unitStatus: 'REGISTERED',
      txId: 'tx-1',
      blockNumber: 5,
    });
    expect(calls.map((call) => call.transaction)).toEqual(['Register']);
  });

  it('shows the verification code once: a replay (Idempotency-Key) lacks it and the database never holds it', async () => {
    const register = () =>
      request(server)
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', `Bearer ${token('registry-clerk')}`)
        .set('Idempotency-Key', 'code-once-1')
        .send(first);
    const shown = await register();
    expect(shown.status).toBe(201);
    const code = String((shown.body as Record<string, unknown>)['verificationCode']);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const replay = await register();
    expect(replay.headers['idempotent-replay']).toBe('true');
    const withoutCode = Object.fromEntries(
      Object.entries(shown.body as Record<string, unknown>).filter(([name]) => name !== 'verificationCode'),
    );
    expect(replay.body).toEqual(withoutCode);
    const stored = await app
      .get(DataSource)
      .query<{ body: string | null }[]>('SELECT response_body AS body FROM idempotency_records');
    const text = JSON.stringify(stored);
    expect(text).toContain('tx-1');
    expect(text).not.toContain(code);
    expect(text).not.toContain(code.replace('-', ''));
  });

  it.each(['station-operator', 'market-clerk', 'tax-officer'])(
    'answers 403 to %s on a registration',
    async (user) => {
      const res = await request(server)
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', `Bearer ${token(user)}`)
        .send(first);
      expect(res.status).toBe(403);
      expect(calls).toEqual([]);
    },
  );

  it.each(['station-operator', 'market-clerk', 'registry-clerk'])(
    'answers 403 to %s on a clearance',
    async (user) => {
      const res = await request(server)
        .post('/api/v1/real-estate/deed-tax-clearances')
        .set('Authorization', `Bearer ${token(user)}`)
        .send({ unitNumber: UNIT, transfereeIdNumbers: [ID], receiptNumber: 'QS-1', taxPaidCny: 1 });
      expect(res.status).toBe(403);
    },
  );

  it('answers 400 naming the field for a bad holder ID number, before the ledger', async () => {
    const res = await request(server)
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', `Bearer ${token('registry-clerk')}`)
      .send({ ...first, holders: [{ name: '张三', idNumber: '110105194912310021', share: '1/1' }] });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string; details: { field: string }[] } }).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'holders.0.idNumber' }],
    });
    expect(calls).toEqual([]);
  });

  it('answers 400 for a malformed unit number and passes the ledger’s 404 through', async () => {
    const auth = `Bearer ${token('registry-clerk')}`;
    const bad = await request(server).get('/api/v1/real-estate/units/12345').set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('unitNumber');
    const missing = await request(server)
      .get(`/api/v1/real-estate/units/${UNIT}/history`)
      .set('Authorization', auth);
    expect(missing.status).toBe(404);
    expect(calls.map((call) => call.transaction)).toEqual(['GetUnitHistory']);
  });

  it('answers the unit with its property and the mortgage term, and an older unit without them', async () => {
    const auth = `Bearer ${token('registry-clerk')}`;
    const current = await request(server)
      .get(`/api/v1/real-estate/units/${PARTICULARS_UNIT}`)
      .set('Authorization', auth);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ property: PROPERTY, mortgage: { term: TERM } });
    const old = await request(server).get(`/api/v1/real-estate/units/${OLD_UNIT}`).set('Authorization', auth);
    expect(old.status).toBe(200);
    expect(old.body).not.toHaveProperty('property');
    expect((old.body as { mortgage: object }).mortgage).not.toHaveProperty('term');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['area 0', { location: '某路1号', areaM2: 0, usage: '住宅' }, ['property.areaM2']],
    ['a negative area', { location: '某路1号', areaM2: -1, usage: '住宅' }, ['property.areaM2']],
    ['three decimals', { location: '某路1号', areaM2: 89.505, usage: '住宅' }, ['property.areaM2']],
    ['a text area', { location: '某路1号', areaM2: '89.5', usage: '住宅' }, ['property.areaM2']],
    ['a usage outside the list', { location: '某路1号', areaM2: 89.5, usage: '别墅' }, ['property.usage']],
    ['an empty location', { location: ' ', areaM2: 89.5, usage: '住宅' }, ['property.location']],
  ])(
    'answers 400 naming the field for a property with %s, before the ledger',
    async (_what, property, fields) => {
      const res = await request(server)
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', `Bearer ${token('registry-clerk')}`)
        .send({ ...first, property });
      expect(res.status).toBe(400);
      const body = res.body as { error: { code: string; details: { field: string }[] } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect([...new Set(body.error.details.map((detail) => detail.field))]).toEqual(fields);
      expect(calls).toEqual([]);
    },
  );

  it('sends the holder lookup pepper from the key file with every registration', async () => {
    const res = await request(server)
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', `Bearer ${token('registry-clerk')}`)
      .send({ type: 'SEIZURE', unitNumber: UNIT, court: '某法院', courtOrder: '(2026)粤0104执1号' });
    expect(res.status).toBe(201);
    expect(calls[0]?.transient).toEqual({
      holderLookupPepper: KEY.toString('base64'),
      holderLookupKeyVersion: '1',
      // the court order is a private particular: transient, never in the arguments
      particulars: expect.stringContaining('(2026)粤0104执1号') as string,
    });
  });

  describe('POST /api/v1/real-estate/holder-units/search', () => {
    const search = (user: string, body: unknown) =>
      request(server)
        .post('/api/v1/real-estate/holder-units/search')
        .set('Authorization', `Bearer ${token(user)}`)
        .send(body as object);

    it('answers 200 with the units, the canonical ID as argument and the pepper as transient data', async () => {
      const res = await search('registry-clerk', { idNumber: ID.toLowerCase() });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ units: [HELD] });
      expect(calls).toEqual([
        {
          contract: 'realestate',
          transaction: 'FindUnitsByHolder',
          args: [ID],
          transient: { holderLookupPepper: KEY.toString('base64') },
        },
      ]);
    });

    it.each(['market-clerk', 'tax-officer', 'station-operator'])('answers 403 to %s', async (user) => {
      expect((await search(user, { idNumber: ID })).status).toBe(403);
      expect(calls).toEqual([]);
    });

    it('answers 400 naming idNumber for a bad or missing ID, without echoing it', async () => {
      for (const body of [{ idNumber: '110105194912310021' }, {}, { idNumber: ID, extra: 1 }]) {
        const res = await search('registry-clerk', body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).not.toContain('110105194912310021');
      }
      expect(calls).toEqual([]);
    });

    it('ignores Idempotency-Key: every search runs, nothing is replayed (or stored with the ID)', async () => {
      const searchWithKey = () =>
        request(server)
          .post('/api/v1/real-estate/holder-units/search')
          .set('Authorization', `Bearer ${token('registry-clerk')}`)
          .set('Idempotency-Key', 'search-1')
          .send({ idNumber: ID });
      const [one, two] = [await searchWithKey(), await searchWithKey()];
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(two.headers['idempotent-replay']).toBeUndefined();
      expect(calls.map((call) => call.transaction)).toEqual(['FindUnitsByHolder', 'FindUnitsByHolder']);

      // the same key on a write is honoured, so the interceptor is really in place
      const register = () =>
        request(server)
          .post('/api/v1/real-estate/registrations')
          .set('Authorization', `Bearer ${token('registry-clerk')}`)
          .set('Idempotency-Key', 'search-1')
          .send(first);
      expect((await register()).status).toBe(201);
      const replay = await register();
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replay']).toBe('true');
    });
  });

  describe('GET /api/v1/real-estate/acts query parameters', () => {
    const acts = (query: Record<string, string | string[]>) =>
      request(server)
        .get('/api/v1/real-estate/acts')
        .query(query)
        .set('Authorization', `Bearer ${token('registry-clerk')}`);

    it.each<[string, string, string | string[]]>([
      ...badIntegerValues(MAX_PAGE).map(([what, value]): [string, string, string] => ['page', what, value]),
      ...badIntegerValues(MAX_PAGE_SIZE).map(([what, value]): [string, string, string] => [
        'pageSize',
        what,
        value,
      ]),
      ['page', 'repeated', ['1', '2']],
      ['unitNumber', 'malformed', '12345'],
      ['limit', 'unknown', '10'],
      ['offset', 'unknown', '99999999999999999999'],
    ])('answers 400 VALIDATION_FAILED naming %s for %s', async (parameter, _what, value) => {
      const res = await acts({ [parameter]: value });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
      expect(fieldsNamed(res.body)).toEqual([parameter]);
    });

    it('answers the deepest page and the largest page size', async () => {
      const res = await acts({ page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], page: MAX_PAGE, pageSize: MAX_PAGE_SIZE, total: 0 });
    });
  });

  it('answers 401 without a token', async () => {
    expect((await request(server).get(`/api/v1/real-estate/units/${UNIT}`)).status).toBe(401);
  });
});
