import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import request from 'supertest';
import { type App } from 'supertest/types';

import { CSV_BOM } from '../src/common/csv';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../src/common/paging/page-query';
import { Database } from '../src/index-db/database/database';
import { type Projector } from '../src/index-db/projection/projector';
import { type LedgerEvent } from '../src/ledger/ledger-events.port';
import { REAL_ESTATE_PROJECTORS, RealEstateModule } from '../src/real-estate';
import { badIntegerValues, type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from './support/databases';
import { type QueryApp, startQueryApp } from './support/query-app';

// The real-estate and tax lists of the index over HTTP, on SQLite and PostgreSQL: acts, certificates
// and deed-tax clearances, projected from synthetic chaincode events by the real projectors; every
// filter, paging, CSV, roles, and bad parameters refused with 400 naming them. The query app's bearer
// token is the caller's role; its user is `<role>-user` of TestMSP (support/query-app.ts).

const U1 = '440184001016GB00009F00800039';
const U2 = '440184001016GB00009F00800040';
const title = (serial: string): string => `粤(2026)广州市不动产权第${serial}号`;
const T1 = title('09400110');
const T2 = title('09400111');
const T3 = title('09400112');
const P1 = '粤(2026)广州市不动产证明第0001234号';
const fullWidth = (number: string): string => number.replace('(', '（').replace(')', '）');
const fabricId = (mspId: string, name: string): string =>
  `x509::/O=${mspId}/OU=client/CN=${name}::/O=${mspId}/OU=ca/CN=ca.${mspId.toLowerCase()}`;
const HOLDER = { maskedName: '张*三', idHash: 'a'.repeat(64), share: '1/1' };

let block = 10n;
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
function ledgerEvent(eventName: string, payload: unknown): LedgerEvent {
  block += 1n;
  return {
    blockNumber: block,
    transactionId: `tx-${block}`,
    chaincodeName: 'x',
    eventName,
    payload: encode(payload),
  };
}

interface Act {
  readonly unit: string;
  readonly sequence: number;
  readonly type: string;
  readonly at: string;
  readonly clerk: string;
  readonly issued?: { readonly number: string; readonly kind: string };
  readonly changes?: readonly { readonly certificateNumber: string; readonly status: string }[];
  readonly clearance?: string;
  readonly status?: string;
}

/** A RealEstateRegistered event shaped like the chaincode's (register.ts), without private data. */
function registered(act: Act): LedgerEvent {
  const registrationId = `${act.unit}-${String(act.sequence).padStart(8, '0')}`;
  const status = act.status ?? 'REGISTERED';
  return ledgerEvent('RealEstateRegistered', {
    registration: {
      registrationId,
      unitNumber: act.unit,
      sequence: act.sequence,
      type: act.type,
      registeredAt: act.at,
      clerk: { mspId: 'RegistryMSP', role: 'registry_clerk', id: fabricId('RegistryMSP', act.clerk) },
      certificateNumber: act.issued?.number ?? null,
      certificateContentHash: act.issued === undefined ? null : 'c'.repeat(64),
      certificateChanges: act.changes ?? [],
      holders: null,
      unitStatus: status,
      details: act.clearance === undefined ? {} : { deedTaxClearanceNumber: act.clearance },
    },
    certificate:
      act.issued === undefined
        ? null
        : {
            content: {
              certificateNumber: act.issued.number,
              kind: act.issued.kind,
              unitNumber: act.unit,
              issuedAt: act.at,
            },
            contentHash: 'c'.repeat(64),
            status: 'ACTIVE',
          },
    unit: {
      unitNumber: act.unit,
      status,
      sequence: act.sequence,
      titleCertificate: status === 'CANCELLED' ? null : T1,
      holders: [HOLDER],
      updatedAt: act.at,
      lastRegistrationId: registrationId,
    },
  });
}

/** A DeedTaxClearanceRecorded event (tax/deed-tax-clearance.ts); `fen` undefined: an older chaincode's. */
function clearance(unit: string, number: string, at: string, officer: [string, string], fen?: string) {
  return ledgerEvent('DeedTaxClearanceRecorded', {
    clearanceNumber: number,
    unitNumber: unit,
    titleVersion: 1,
    transfereeIdHashes: ['b'.repeat(64), 'd'.repeat(64)],
    ...(fen !== undefined && { taxPaidFen: fen }),
    recordedAt: at,
    officer: { mspId: officer[0], role: 'tax_officer', id: fabricId(officer[0], officer[1]) },
  });
}

const ME: [string, string] = ['TestMSP', 'tax_officer-user'];
const OTHER: [string, string] = ['TaxMSP', 'other-officer'];

// In block order. The TRANSFER naming QS-1 is projected before its clearance: the "used" answer must
// not depend on which of the two definitions' events came first. QS-1 is also another unit's receipt.
const EVENTS: readonly LedgerEvent[] = [
  // 2026-03-01 16:00 in Shanghai
  registered({
    unit: U1,
    sequence: 1,
    type: 'FIRST',
    at: '2026-03-01T08:00:00.000Z',
    clerk: 'registry-clerk',
    issued: { number: T1, kind: 'TITLE' },
  }),
  // 2026-03-02 00:30 in Shanghai, still 03-01 in UTC
  registered({
    unit: U2,
    sequence: 1,
    type: 'FIRST',
    at: '2026-03-01T16:30:00.000Z',
    clerk: 'clerk-2',
    issued: { number: T2, kind: 'TITLE' },
  }),
  // 2026-03-02 18:00 in Shanghai: one unit's clearance, unused (CN tax-officer of another MSP is not the caller)
  clearance(U2, 'QS-2', '2026-03-02T10:00:00.000Z', OTHER, '1234567'),
  registered({
    unit: U1,
    sequence: 2,
    type: 'MORTGAGE',
    at: '2026-03-03T02:00:00.000Z',
    clerk: 'registry-clerk',
    issued: { number: P1, kind: 'REGISTRATION' },
  }),
  registered({
    unit: U1,
    sequence: 3,
    type: 'TRANSFER',
    at: '2026-03-04T02:00:00.000Z',
    clerk: 'registry-clerk',
    issued: { number: T3, kind: 'TITLE' },
    changes: [{ certificateNumber: T1, status: 'SUPERSEDED' }],
    clearance: 'QS-1',
  }),
  clearance(U1, 'QS-1', '2026-03-03T01:00:00.000Z', ME, '3000000'),
  registered({
    unit: U2,
    sequence: 2,
    type: 'CANCELLATION',
    at: '2026-03-05T02:00:00.000Z',
    clerk: 'clerk-2',
    changes: [{ certificateNumber: T2, status: 'CANCELLED' }],
    status: 'CANCELLED',
  }),
  // 2026-03-06 00:30 in Shanghai, an older chaincode's event without the tax paid
  clearance(U1, 'QS-3', '2026-03-05T16:30:00.000Z', ME),
  clearance(U2, 'QS-1', '2026-03-06T02:00:00.000Z', OTHER, '1'),
];

interface Page {
  items: Record<string, unknown>[];
  page: number;
  pageSize: number;
  total: number;
}

describe.each(TEST_DATABASES)('real-estate and tax lists over HTTP on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-re-queries-'));
  const saved = { ...process.env };
  let queryApp: QueryApp;
  let server: App;

  beforeAll(async () => {
    await database.setUp();
    const keyFile = path.join(dir, 'holder-lookup.key');
    writeFileSync(keyFile, Buffer.alloc(32, 0x42), { mode: 0o600 });
    process.env.HOLDER_LOOKUP_KEY_FILE = keyFile;
    queryApp = await startQueryApp(RealEstateModule, await database.fresh());
    server = queryApp.app.getHttpServer();
    const index = queryApp.app.get(Database, { strict: false });
    const projectors = new Map<string, Projector>(
      REAL_ESTATE_PROJECTORS.map((Projector): [string, Projector] => {
        const projector = new Projector();
        return [projector.eventName, projector];
      }),
    );
    for (const event of EVENTS) {
      const projector = projectors.get(event.eventName);
      if (projector === undefined) throw new Error(`no projector for ${event.eventName}`);
      // each event twice: a redelivered transaction adds nothing
      for (let again = 0; again < 2; again += 1) {
        await index.transaction((manager) => projector.prepare(event).write(manager));
      }
    }
  }, DATABASE_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await queryApp?.close();
    await database.tearDown();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, query: Record<string, string | string[]> = {}, role = 'registry_clerk') =>
    request(server).get(url).query(query).set('Authorization', `Bearer ${role}`);

  async function listOf(url: string, query: Record<string, string>, role: string, key: string) {
    const answer = await get(url, query, role);
    expect(answer.status).toBe(200);
    return (answer.body as Page).items.map((item) => item[key]);
  }

  describe('GET /api/v1/real-estate/acts', () => {
    const acts = (query: Record<string, string>) =>
      listOf('/api/v1/real-estate/acts', query, 'registry_clerk', 'registrationId');
    const id = (unit: string, sequence: number) => `${unit}-${String(sequence).padStart(8, '0')}`;

    it.each<[Record<string, string>, string[]]>([
      [{}, [id(U2, 2), id(U1, 3), id(U1, 2), id(U2, 1), id(U1, 1)]],
      [{ unitNumber: U1.toLowerCase() }, [id(U1, 3), id(U1, 2), id(U1, 1)]],
      [{ certificateNumber: fullWidth(T1) }, [id(U1, 1)]],
      [{ certificateNumber: P1 }, [id(U1, 2)]],
      [{ type: 'TRANSFER' }, [id(U1, 3)]],
      [{ type: 'SEIZURE' }, []],
      // Shanghai days: 2026-03-01T16:30Z is already 03-02 there
      [{ from: '2026-03-02', to: '2026-03-02' }, [id(U2, 1)]],
      [{ to: '2026-03-01' }, [id(U1, 1)]],
      [{ from: '2026-03-04' }, [id(U2, 2), id(U1, 3)]],
      [{ clerk: 'clerk-2' }, [id(U2, 2), id(U2, 1)]],
      // the whole common name, case and all: no prefix or case-insensitive match
      [{ clerk: 'registry' }, []],
      [{ clerk: 'REGISTRY-CLERK' }, []],
      [
        { unitNumber: U1, type: 'TRANSFER', clerk: 'registry-clerk', from: '2026-03-04', to: '2026-03-04' },
        [id(U1, 3)],
      ],
    ])('%j', async (query, expected) => {
      expect(await acts(query)).toEqual(expected);
    });

    it('answers the clearance a TRANSFER used and the clerk by name', async () => {
      const answer = await get('/api/v1/real-estate/acts', { type: 'TRANSFER' });
      expect((answer.body as Page).items).toEqual([
        expect.objectContaining({
          unitNumber: U1,
          sequence: 3,
          certificateNumber: T3,
          deedTaxClearanceNumber: 'QS-1',
          clerkName: 'registry-clerk',
          clerkMspId: 'RegistryMSP',
          registeredAt: '2026-03-04T02:00:00.000Z',
        }),
      ]);
    });

    it('pages newest first and answers a page past the end empty, with the total', async () => {
      const second = await get('/api/v1/real-estate/acts', { page: '2', pageSize: '2' });
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect((second.body as Page).items.map((item) => item.registrationId)).toEqual([id(U1, 2), id(U2, 1)]);
      const past = await get('/api/v1/real-estate/acts', { page: '4', pageSize: '2' });
      expect(past.body).toEqual({ items: [], page: 4, pageSize: 2, total: 5 });
    });

    it('answers every matching act as CSV: BOM, header row, CRLF, the Chinese certificate numbers', async () => {
      const answer = await get('/api/v1/real-estate/acts', { unitNumber: U1, format: 'csv' }).buffer(true);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(answer.headers['content-disposition']).toMatch(
        /^attachment; filename="real-estate-acts-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(answer.text.startsWith(CSV_BOM)).toBe(true);
      const lines = answer.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'registrationId,unitNumber,sequence,type,certificateNumber,deedTaxClearanceNumber,unitStatus,' +
          'registeredAt,clerkName,clerkMspId,txId,blockNumber',
      );
      expect(lines.slice(1, -1)).toHaveLength(3);
      expect(lines[1]).toMatch(new RegExp(`^${id(U1, 3)},${U1},3,TRANSFER,${escape(T3)},QS-1,REGISTERED,`));
      expect(lines.at(-1)).toBe('');
    });

    it('is the registry clerk’s: 403 to a tax officer', async () => {
      expect((await get('/api/v1/real-estate/acts', {}, 'tax_officer')).status).toBe(403);
    });
  });

  describe('GET /api/v1/real-estate/certificates', () => {
    const certificates = (query: Record<string, string>) =>
      listOf('/api/v1/real-estate/certificates', query, 'registry_clerk', 'certificateNumber');

    it.each<[Record<string, string>, string[]]>([
      [{}, [T3, P1, T2, T1]],
      [{ certificateNumber: fullWidth(T1) }, [T1]],
      [{ status: 'ACTIVE' }, [T3, P1]],
      [{ status: 'SUPERSEDED' }, [T1]],
      [{ status: 'CANCELLED' }, [T2]],
      [{ unitNumber: U2 }, [T2]],
      [{ kind: 'REGISTRATION' }, [P1]],
      [{ kind: 'TITLE', unitNumber: U1 }, [T3, T1]],
      [{ from: '2026-03-02', to: '2026-03-03' }, [P1, T2]],
      [{ to: '2026-03-01' }, [T1]],
      [{ status: 'ACTIVE', kind: 'TITLE', from: '2026-03-05' }, []],
    ])('%j', async (query, expected) => {
      expect(await certificates(query)).toEqual(expected);
    });

    it('answers a certificate with its status and when it changed', async () => {
      const answer = await get('/api/v1/real-estate/certificates', { certificateNumber: T1 });
      expect((answer.body as Page).items).toEqual([
        {
          certificateNumber: T1,
          kind: 'TITLE',
          status: 'SUPERSEDED',
          unitNumber: U1,
          registrationId: `${U1}-00000001`,
          contentHash: 'c'.repeat(64),
          issuedAt: '2026-03-01T08:00:00.000Z',
          statusChangedAt: '2026-03-04T02:00:00.000Z',
        },
      ]);
    });

    it('pages, and answers CSV on Accept: text/csv', async () => {
      const paged = await get('/api/v1/real-estate/certificates', { page: '2', pageSize: '3' });
      expect(paged.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect((paged.body as Page).items.map((item) => item.certificateNumber)).toEqual([T1]);
      const csv = await get('/api/v1/real-estate/certificates', { status: 'ACTIVE' })
        .set('Accept', 'text/csv')
        .buffer(true);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'certificateNumber,kind,status,unitNumber,registrationId,issuedAt,statusChangedAt,contentHash',
      );
      expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual([T3, P1]);
    });

    it('is the registry clerk’s: 403 to a tax officer and a market clerk', async () => {
      for (const role of ['tax_officer', 'market_clerk']) {
        expect((await get('/api/v1/real-estate/certificates', {}, role)).status).toBe(403);
      }
    });
  });

  describe('GET /api/v1/real-estate/deed-tax-clearances', () => {
    const key = (item: Record<string, unknown>) =>
      `${String(item.unitNumber).slice(-2)}/${String(item.clearanceNumber)}`;
    async function clearances(query: Record<string, string>): Promise<string[]> {
      const answer = await get('/api/v1/real-estate/deed-tax-clearances', query, 'tax_officer');
      expect(answer.status).toBe(200);
      return (answer.body as Page).items.map(key);
    }

    it.each<[Record<string, string>, string[]]>([
      [{}, ['40/QS-1', '39/QS-3', '39/QS-1', '40/QS-2']],
      [{ unitNumber: U1 }, ['39/QS-3', '39/QS-1']],
      // the receipt number alone: another unit's clearance under the same number is listed too
      [{ receiptNumber: 'QS-1' }, ['40/QS-1', '39/QS-1']],
      // used by the TRANSFER projected before it; the other unit's QS-1 is not
      [{ used: 'true' }, ['39/QS-1']],
      [{ used: 'false' }, ['40/QS-1', '39/QS-3', '40/QS-2']],
      [{ used: 'false', receiptNumber: 'QS-1' }, ['40/QS-1']],
      [{ mine: 'true' }, ['39/QS-3', '39/QS-1']],
      [{ mine: 'false' }, ['40/QS-1', '39/QS-3', '39/QS-1', '40/QS-2']],
      [{ mine: 'true', used: 'false' }, ['39/QS-3']],
      // recorded 2026-03-05T16:30Z: 03-06 in Shanghai
      [{ from: '2026-03-06', to: '2026-03-06' }, ['40/QS-1', '39/QS-3']],
      [{ from: '2026-03-03', to: '2026-03-05' }, ['39/QS-1']],
      [{ to: '2026-03-02' }, ['40/QS-2']],
    ])('%j', async (query, expected) => {
      expect(await clearances(query)).toEqual(expected);
    });

    it('answers the public facts of each clearance, the tax paid in yuan, and the TRANSFER that used it', async () => {
      const answer = await get('/api/v1/real-estate/deed-tax-clearances', { unitNumber: U1 }, 'tax_officer');
      const [old, used] = (answer.body as Page).items;
      expect(used).toEqual({
        clearanceNumber: 'QS-1',
        unitNumber: U1,
        titleVersion: 1,
        transfereeCount: 2,
        taxPaidCny: 30000,
        recordedAt: '2026-03-03T01:00:00.000Z',
        officerMspId: 'TestMSP',
        officerId: fabricId(...ME),
        officerName: 'tax_officer-user',
        txId: expect.stringMatching(/^tx-/) as unknown,
        blockNumber: expect.any(Number) as unknown,
        used: true,
        usedByRegistrationId: `${U1}-00000003`,
      });
      expect(old).toMatchObject({
        clearanceNumber: 'QS-3',
        taxPaidCny: null,
        used: false,
        usedByRegistrationId: null,
      });
      const cents = await get(
        '/api/v1/real-estate/deed-tax-clearances',
        { receiptNumber: 'QS-2' },
        'tax_officer',
      );
      expect((cents.body as Page).items[0]).toMatchObject({ taxPaidCny: 12345.67 });
    });

    it('pages, and answers CSV with the header row and every matching clearance', async () => {
      const paged = await get(
        '/api/v1/real-estate/deed-tax-clearances',
        { page: '2', pageSize: '3' },
        'tax_officer',
      );
      expect(paged.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect((paged.body as Page).items.map(key)).toEqual(['40/QS-2']);
      const csv = await get(
        '/api/v1/real-estate/deed-tax-clearances',
        { format: 'csv', used: 'false' },
        'tax_officer',
      ).buffer(true);
      expect(csv.status).toBe(200);
      expect(csv.text.startsWith(CSV_BOM)).toBe(true);
      const lines = csv.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'clearanceNumber,unitNumber,titleVersion,transfereeCount,taxPaidCny,recordedAt,officerName,officerMspId,' +
          'used,usedByRegistrationId,txId,blockNumber',
      );
      expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
        `QS-1,${U2},1,2,0.01`,
        `QS-3,${U1},1,2,`,
        `QS-2,${U2},1,2,12345.67`,
      ]);
    });

    it('is the tax officer’s: 403 to a registry clerk', async () => {
      expect((await get('/api/v1/real-estate/deed-tax-clearances', {}, 'registry_clerk')).status).toBe(403);
    });
  });

  const ACTS = '/api/v1/real-estate/acts';
  const CERTIFICATES = '/api/v1/real-estate/certificates';
  const CLEARANCES = '/api/v1/real-estate/deed-tax-clearances';
  const ROLE: Record<string, string> = {
    [ACTS]: 'registry_clerk',
    [CERTIFICATES]: 'registry_clerk',
    [CLEARANCES]: 'tax_officer',
  };

  it.each<[string, string, Record<string, string | string[]>]>([
    ...[ACTS, CERTIFICATES, CLEARANCES].flatMap(
      (url): [string, string, Record<string, string | string[]>][] => [
        ...badIntegerValues(MAX_PAGE).map(([, value]): [string, string, Record<string, string>] => [
          url,
          'page',
          { page: value },
        ]),
        ...badIntegerValues(MAX_PAGE_SIZE).map(([, value]): [string, string, Record<string, string>] => [
          url,
          'pageSize',
          { pageSize: value },
        ]),
        [url, 'from', { from: '2026-02-30' }],
        [url, 'from', { from: '2026-3-1' }],
        [url, 'to', { to: '20260301' }],
        [url, 'to', { from: '2026-03-03', to: '2026-03-02' }],
        [url, 'to', { to: ['2026-03-01', '2026-03-02'] }],
        [url, 'format', { format: 'xlsx' }],
        [url, 'limit', { limit: '10' }],
      ],
    ),
    [ACTS, 'unitNumber', { unitNumber: '12345' }],
    [ACTS, 'certificateNumber', { certificateNumber: '不动产权第1号' }],
    [ACTS, 'type', { type: 'SALE' }],
    [ACTS, 'clerk', { clerk: '' }],
    [ACTS, 'clerk', { clerk: 'x'.repeat(65) }],
    [ACTS, 'clerk', { clerk: 'a\u0000b' }],
    [ACTS, 'clerk', { clerk: ['a', 'b'] }],
    [CERTIFICATES, 'certificateNumber', { certificateNumber: '粤(2026)广州市不动产权第123号' }],
    [CERTIFICATES, 'status', { status: 'VALID' }],
    [CERTIFICATES, 'unitNumber', { unitNumber: '440184001016GB00009F0080003X' }],
    [CERTIFICATES, 'kind', { kind: 'DEED' }],
    [CLEARANCES, 'unitNumber', { unitNumber: 'x' }],
    [CLEARANCES, 'receiptNumber', { receiptNumber: 'QS 1' }],
    [CLEARANCES, 'receiptNumber', { receiptNumber: '税-1234' }],
    [CLEARANCES, 'used', { used: 'yes' }],
    [CLEARANCES, 'mine', { mine: '1' }],
    [CLEARANCES, 'mine', { mine: ['true', 'false'] }],
  ])('%s refuses a bad %s (%j) with 400 naming it', async (url, field, query) => {
    const answer = await get(url, query, ROLE[url]);
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(answer.body)).toEqual([field]);
  });

  it.each([ACTS, CERTIFICATES, CLEARANCES])(
    '%s answers the deepest page at the largest page size',
    async (url) => {
      const answer = await get(url, { page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE) }, ROLE[url]);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ items: [], page: MAX_PAGE, pageSize: MAX_PAGE_SIZE });
    },
  );
});

/** `text` for a RegExp, its brackets and other specials escaped. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
