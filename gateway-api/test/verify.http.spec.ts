import { Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { bagBarcodeCheckDigit } from '../../chaincode/src/contract';
import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { validateEnv } from '../src/config/validate-env';
import { LEDGER_TRANSACTION_READER } from '../src/ledger/ledger-transactions.port';
import { PUBLIC_LEDGER } from '../src/ledger/public-ledger.port';
import { compositeKey } from '../src/verify/authority-check';
import { FakeVerifyLedger, ledgerTransaction } from '../src/verify/testing/fake-verify-ledger';
import { PublicRateLimitModule } from '../src/public-rate-limit';
import { VerifyModule } from '../src/verify/verify.module';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';

// The public verification routes over HTTP with the real validation, rate limit, cache and bulkhead;
// the ledger is a fake whose reads can be held open to fill the bulkhead, and whose key history can
// name a transaction another department wrote (what a forged record looks like on today's network).

Logger.overrideLogger(false);

const NUMBER = '粤(2026)广州市不动产权第09400110号';
const UNIT = '440184001016GB00009F00800039';
const TX = 'a'.repeat(64);
const FORGED_TX = 'f'.repeat(64);
const USCC = '91350100M000100Y43';
const FORGED_USCC = '914401061234567882';

const certificate = {
  content: {
    certificateNumber: NUMBER,
    kind: 'TITLE',
    unitNumber: UNIT,
    registrationId: `${UNIT}-00000001`,
    registrationType: 'FIRST',
    issuedAt: '2026-11-24T02:00:00.000Z',
    holders: [{ maskedName: '张*', idHash: 'f'.repeat(64), share: '1/1' }],
    details: {},
  },
  contentHash: 'c'.repeat(64),
  status: 'ACTIVE',
  statusRegistrationId: null,
  statusChangedAt: null,
  holdersSequence: 1,
};
const licence = {
  uscc: USCC,
  name: '广州市某某科技有限公司',
  legalRepresentative: '李*',
  status: 'ACTIVE',
  establishedAt: '2026-11-24T02:00:00.000Z',
  // a forger writes whatever it likes here, e.g. a genuine market transaction: it is never read
  statusHistory: [{ status: 'ACTIVE', at: '2026-11-24T02:00:00.000Z', txId: TX }],
};

const HOLDER = '11010519491231002X';
const CODE = 'K7M2Q9XR';
const OLD_NUMBER = '粤(2026)广州市不动产权第09400120号';

const ledger = new FakeVerifyLedger()
  .record('GetCertificate', NUMBER, certificate)
  .printed(NUMBER, HOLDER, CODE)
  // issued before verification codes: no holder check possible
  .record('GetCertificate', OLD_NUMBER, {
    ...certificate,
    content: { ...certificate.content, certificateNumber: OLD_NUMBER },
  })
  .lastWrite('realestate.certificate', [OLD_NUMBER], TX)
  .lastWrite('realestate.certificate', [NUMBER], TX)
  .transaction(
    ledgerTransaction({
      txId: TX,
      mspId: 'RegistryMSP',
      role: 'registry_clerk',
      keys: [compositeKey('realestate.certificate', NUMBER)],
    }),
  );
const reads = ledger.queries;

describe('public verification routes over HTTP', () => {
  const saved = { ...process.env };
  let app: NestExpressApplication;
  let server: App;

  beforeAll(async () => {
    Object.assign(process.env, {
      GOVTRACE_IDENTITIES: '/nonexistent/identities.json',
      VERIFY_RATE_LIMIT: '40',
      VERIFY_RATE_WINDOW_MS: '60000',
      VERIFY_CACHE_TTL_MS: '60000',
      VERIFY_MAX_CONCURRENT_READS: '2',
      VERIFY_MAX_QUEUED_READS: '1',
      PUBLIC_BASE_URL: 'https://verify.example.gov.cn',
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: ':memory:',
      VERIFY_HOLDER_CHECK_MAX_FAILURES: '5',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        AuthModule,
        PublicRateLimitModule,
        VerifyModule,
      ],
    })
      .overrideProvider(PUBLIC_LEDGER)
      .useValue(ledger)
      .overrideProvider(LEDGER_TRANSACTION_READER)
      .useValue(ledger)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    process.env = saved;
  });

  beforeEach(() => {
    reads.length = 0;
  });

  it('answers a certificate with its proof and caches it: the second request reads nothing', async () => {
    const first = await request(server).get(`/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      valid: true,
      status: 'VALID',
      holders: ['张*'],
      proof: {
        txId: TX,
        blockNumber: '7',
        validationCode: 'VALID',
        endorsers: ['RegistryMSP'],
        creatorMspId: 'RegistryMSP',
        creatorRole: 'registry_clerk',
      },
    });
    expect(first.body).not.toHaveProperty('invalidReason');
    expect(JSON.stringify(first.body)).not.toContain('idHash');
    expect(JSON.stringify(first.body)).not.toContain('a-staff-member-enrolment-id');
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    const typedFullWidth = NUMBER.replace('(', '（').replace(')', '）');
    const second = await request(server).get(
      `/api/v1/verify/certificates/${encodeURIComponent(typedFullWidth)}`,
    );
    expect(second.body).toEqual(first.body);
    expect(reads).toEqual(['proof:ReadWithLatestWrite']);
  });

  it('answers 200 valid:false with the reason for a licence whose last write RegistryMSP endorsed and submitted', async () => {
    // a LICENSE creation is governed by the OR policy alone: modified chaincode on the registry's
    // peer could commit it VALID (chaincode/README.md, "Endorsement")
    const uscc = FORGED_USCC;
    const findsBefore = ledger.finds.length;
    ledger
      .record('GetLicense', uscc, { ...licence, uscc })
      .lastWrite('business.license', [uscc], FORGED_TX)
      .transaction(
        ledgerTransaction({
          txId: FORGED_TX,
          mspId: 'RegistryMSP',
          role: 'registry_clerk',
          keys: [compositeKey('business.license', uscc)],
        }),
      );
    const answer = await request(server).get(`/api/v1/verify/licenses/${uscc}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      valid: false,
      status: 'ACTIVE',
      invalidReason: {
        code: 'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
        message: expect.stringContaining('MarketMSP') as unknown,
      },
      issuer: 'RegistryMSP',
      proof: {
        txId: FORGED_TX,
        endorsers: ['RegistryMSP'],
        creatorMspId: 'RegistryMSP',
        creatorRole: 'registry_clerk',
      },
    });
    // the genuine transaction the licence's own history names is never even read
    expect(ledger.finds.slice(findsBefore)).toEqual([FORGED_TX]);
  });

  it('documents valid, invalidReason and the submitter in the OpenAPI document', async () => {
    type Schema = { properties: Record<string, { enum?: string[] } | undefined> };
    const doc = (await request(server).get('/docs-json')).body as {
      components: { schemas: Record<string, Schema> };
    };
    const { schemas } = doc.components;
    for (const answer of [
      'CertificateVerificationResponse',
      'LicenseVerificationResponse',
      'BagVerificationResponse',
    ]) {
      expect(Object.keys(schemas[answer]?.properties ?? {})).toEqual(
        expect.arrayContaining(['valid', 'invalidReason', 'proof']),
      );
    }
    expect(schemas['InvalidReasonResponse']?.properties['code']?.enum).toEqual([
      'TRANSACTION_INVALID',
      'TRANSACTION_DID_NOT_WRITE_RECORD',
      'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
      'SUBMITTER_NOT_AUTHORISED',
      'NOT_CURRENT',
    ]);
    expect(Object.keys(schemas['VerificationProofResponse']?.properties ?? {})).toEqual(
      expect.arrayContaining(['endorsers', 'creatorMspId', 'creatorRole']),
    );
  });

  it('asks the holder verifier for holderMatch every time, never from the cache', async () => {
    const url = `/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}`;
    for (const verificationCode of [CODE, 'k7m2-q9xr']) {
      const answer = await request(server).get(url).query({ holderIdNumber: HOLDER, verificationCode });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ valid: true, holderMatch: true });
    }
    expect(reads.filter((name) => name === 'realestate:GetHolderMatch')).toHaveLength(2);
    expect(ledger.holderMatchUsers.slice(-2)).toEqual(['holder-verifier', 'holder-verifier']);
  });

  it.each([
    ['verificationCode', { holderIdNumber: HOLDER }],
    ['holderIdNumber', { verificationCode: CODE }],
  ])('refuses a holder check without %s with 400 naming it, before the ledger', async (missing, query) => {
    const answer = await request(server)
      .get(`/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}`)
      .query(query);
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(answer.body)).toEqual([missing]);
    expect(reads).toEqual([]);
  });

  it('answers holderMatch null with the reason for a certificate issued without a code', async () => {
    const answer = await request(server)
      .get(`/api/v1/verify/certificates/${encodeURIComponent(OLD_NUMBER)}`)
      .query({ holderIdNumber: HOLDER, verificationCode: CODE });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      holderMatch: null,
      holderMatchReason: { code: 'NO_VERIFICATION_CODE' },
    });
  });

  it('locks the holder check of a certificate after 5 failures a day, whatever the address, without the ledger', async () => {
    const url = `/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}`;
    const wrong = { holderIdNumber: HOLDER, verificationCode: 'K7M2Q9XS' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      // X-Forwarded-For is not trusted, and the lock is per certificate anyway
      const answer = await request(server).get(url).set('X-Forwarded-For', `203.0.113.${i}`).query(wrong);
      statuses.push(answer.status);
      expect(answer.body).toMatchObject({ holderMatch: false });
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    reads.length = 0;
    const locked = await request(server).get(url).query({ holderIdNumber: HOLDER, verificationCode: CODE });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      error: {
        code: 'TOO_MANY_REQUESTS',
        details: [
          {
            reason: 'HOLDER_CHECK_LOCKED',
            lockedUntil: expect.stringMatching(/T00:00:00\.000Z$/) as unknown,
          },
        ],
      },
    });
    expect(reads).toEqual([]);
    // the certificate itself is still verifiable without the holder check
    expect((await request(server).get(url)).status).toBe(200);
  });

  it.each([
    [
      'a certificate number without its parts',
      `/api/v1/verify/certificates/${encodeURIComponent('粤(2026)第1号')}`,
    ],
    ['a USCC with a wrong check character', `/api/v1/verify/licenses/${USCC.slice(0, 17)}0`],
    ['a bag barcode with a wrong check digit', '/api/v1/verify/bags/4401030100000000010'],
    ['a 5000-character identifier', `/api/v1/verify/bags/${'1'.repeat(5000)}`],
    ['an unknown QR format', `/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}/qr?format=gif`],
  ])('refuses %s with 400 before asking the ledger', async (_what, url) => {
    const answer = await request(server).get(url);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(reads).toEqual([]);
  });

  const certificatePath = `/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}`;
  it.each<[string, string, string, Record<string, string | string[]>]>([
    [
      'holderIdNumber',
      'a wrong check character',
      certificatePath,
      { holderIdNumber: '110105194912310021', verificationCode: CODE },
    ],
    [
      'verificationCode',
      'an ambiguous symbol',
      certificatePath,
      { holderIdNumber: HOLDER, verificationCode: 'K7M2Q9X0' },
    ],
    ['verificationCode', 'too short', certificatePath, { holderIdNumber: HOLDER, verificationCode: 'K7M2' }],
    ['format', 'repeated', `${certificatePath}/qr`, { format: ['png', 'svg'] }],
    ['limit', 'unknown', certificatePath, { limit: '10' }],
    ['page', 'unknown', `/api/v1/verify/licenses/${USCC}/qr`, { page: '1e30' }],
  ])(
    'refuses the query parameter %s (%s) with 400 naming it, before the ledger',
    async (field, _what, url, query) => {
      const answer = await request(server).get(url).query(query);
      expect(answer.status).toBe(400);
      expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
      expect(fieldsNamed(answer.body)).toEqual([field]);
      expect(reads).toEqual([]);
    },
  );

  it('answers 404 NOT_FOUND for an unknown licence', async () => {
    const answer = await request(server).get(`/api/v1/verify/licenses/${USCC}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('prints the public base URL into the QR link', async () => {
    const answer = await request(server).get(
      `/api/v1/verify/certificates/${encodeURIComponent(NUMBER)}/qr?format=svg`,
    );
    expect(answer.status).toBe(200);
    const link = new URL(decodeURI(String(answer.headers['x-verify-url'])));
    expect(link.origin).toBe('https://verify.example.gov.cn');
    expect(link.searchParams.get('hash')).toBe('c'.repeat(64));
  });

  it('answers 503 UNAVAILABLE at once when the reads in flight and the queue are full', async () => {
    let release = (): void => undefined;
    ledger.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    // two running + one queued fill the bulkhead; distinct numbers so the cache cannot share them
    const bags = ['44010301000000001', '44010301000000002', '44010301000000003', '44010301000000004'].map(
      (body) => body + bagBarcodeCheckDigit(body),
    );
    const pending = bags.slice(0, 3).map((bag) =>
      request(server)
        .get(`/api/v1/verify/bags/${bag}`)
        .then((r) => r),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await request(server).get(`/api/v1/verify/bags/${bags[3] ?? ''}`);
    ledger.hold = undefined;
    release();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([404, 404, 404]);
  });

  it('limits each client address: past the limit it answers 429 in the error format', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1) {
      statuses.push((await request(server).get(`/api/v1/verify/licenses/${USCC}`)).status);
    }
    expect(statuses).toContain(429);
    const limited = await request(server).get(`/api/v1/verify/licenses/${USCC}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
