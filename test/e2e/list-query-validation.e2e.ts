import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../../gateway-api/src';
import { badIntegerValues, fieldsNamed } from '../../gateway-api/test/support';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { residentId } from '../support/identifiers';

// The query parameters of every list endpoint against the built gateway: a bad value answers
// 400 VALIDATION_FAILED naming the parameter (never a 500 from the index database), an unknown
// parameter is refused too, and the largest accepted page still answers 200.

type QueryValue = string | readonly string[];

interface ListEndpoint {
  readonly path: string;
  /** Whose token; undefined for the public verification routes. */
  readonly user: string | undefined;
  /** Parameters that make the query valid apart from the one under test. */
  readonly base: Record<string, string>;
  readonly paged: boolean;
  /** `[parameter, what, value]` beyond paging. */
  readonly bad: readonly (readonly [string, string, QueryValue])[];
}

const CERTIFICATE = encodeURIComponent('粤(2026)广州市不动产权第09400110号');

const LISTS: readonly ListEndpoint[] = [
  {
    path: '/api/v1/real-estate/acts',
    user: 'registry-clerk',
    base: {},
    paged: true,
    bad: [
      ['unitNumber', 'malformed', '12345'],
      ['certificateNumber', 'without province and year', '不动产权第1号'],
      ['type', 'not a registration type', 'SALE'],
      ['clerk', 'empty', ''],
      ['clerk', 'over 64 characters', 'x'.repeat(65)],
      ['clerk', 'a NUL character', 'a\u0000b'],
      ['from', 'not a real day', '2026-02-30'],
      ['to', 'repeated', ['2026-03-01', '2026-03-02']],
      ['format', 'not a list format', 'xlsx'],
    ],
  },
  {
    path: '/api/v1/real-estate/acts',
    user: 'registry-clerk',
    base: { from: '2026-03-02' },
    paged: false,
    bad: [['to', 'before from', '2026-03-01']],
  },
  {
    path: '/api/v1/real-estate/certificates',
    user: 'registry-clerk',
    base: {},
    paged: true,
    bad: [
      ['certificateNumber', 'six digits', '粤(2026)广州市不动产权第094001号'],
      ['status', 'not a certificate status', 'VALID'],
      ['unitNumber', 'a bad fixture letter', '440184001016GB00009X00800039'],
      ['kind', 'not a certificate kind', 'DEED'],
      ['from', 'huge', '1e30'],
      ['format', 'not a list format', 'pdf'],
    ],
  },
  {
    path: '/api/v1/real-estate/deed-tax-clearances',
    user: 'tax-officer',
    base: {},
    paged: true,
    bad: [
      ['unitNumber', 'malformed', 'x'],
      ['receiptNumber', 'a space', 'QS 1'],
      ['receiptNumber', 'over 40 characters', 'Q'.repeat(41)],
      ['used', 'not true or false', 'yes'],
      ['mine', 'repeated', ['true', 'false']],
      ['to', 'not a day', 'yesterday'],
    ],
  },
  {
    path: '/api/v1/real-estate/deed-tax-clearances',
    user: 'tax-officer',
    base: { from: '2026-03-02' },
    paged: false,
    bad: [['to', 'before from', '2026-03-01']],
  },
  {
    path: '/api/v1/business/cases',
    user: 'market-clerk',
    base: {},
    paged: true,
    bad: [
      ['status', 'not a status', 'DONE'],
      ['overTarget', 'not true or false', 'yes'],
      ['overdue', 'not true or false', '1'],
      ['step', 'not a step', 'PAYROLL'],
      ['from', 'not a real day', '2026-02-30'],
      ['to', 'not a day', 'yesterday'],
      ['format', 'not a list format', 'xlsx'],
    ],
  },
  {
    path: '/api/v1/business/enterprises',
    user: 'market-clerk',
    base: {},
    paged: true,
    bad: [
      ['uscc', 'a bad check character', '91350100M000100Y44'],
      ['namePrefix', 'over 100 characters', 'x'.repeat(101)],
      ['namePrefix', 'a NUL character', 'a\u0000b'],
    ],
  },
  {
    path: '/api/v1/business/licenses',
    user: 'market-clerk',
    base: {},
    paged: true,
    bad: [
      ['uscc', 'a bad check character', '91350100M000100Y44'],
      ['name', 'over 100 characters', 'x'.repeat(101)],
      ['name', 'a NUL character', 'a\u0000b'],
      ['status', 'not a licence status', 'SUSPENDED'],
      ['format', 'not a list format', 'xlsx'],
    ],
  },
  {
    path: '/api/v1/waste/bags',
    user: 'urban-inspector',
    base: {},
    paged: true,
    bad: [
      ['districtCode', 'five digits', '44010'],
      ['category', 'not a category', '05'],
      ['status', 'lower case', 'collected'],
      ['status', 'repeated', ['LOADED', 'DELIVERED']],
    ],
  },
  {
    path: '/api/v1/waste/anomalies',
    user: 'station-operator',
    base: {},
    paged: true,
    bad: [
      ['kind', 'not an anomaly type', 'LATE'],
      ['stationId', 'lower case', 'lw-st-001'],
      ['districtCode', 'a leading zero', '040103'],
      ['from', 'not a real day', '2026-02-30'],
      ['to', 'huge', '1e30'],
    ],
  },
  {
    path: '/api/v1/waste/anomalies',
    user: 'urban-inspector',
    base: { from: '2026-03-02' },
    paged: false,
    bad: [['to', 'before from', '2026-03-01']],
  },
  {
    path: '/api/v1/waste/stats/daily',
    user: 'urban-inspector',
    base: { from: '2026-03-01', to: '2026-03-31' },
    paged: false,
    bad: [
      ['from', 'not a real day', '2026-02-30'],
      ['to', 'before from', '2026-02-28'],
      ['to', 'beyond 366 days', '2027-03-02'],
      ['format', 'not a format', 'pdf'],
    ],
  },
  {
    path: '/api/v1/waste/districts/440103/stats/daily',
    user: 'hauler',
    base: { from: '2026-03-01', to: '2026-03-01' },
    paged: false,
    bad: [['from', 'repeated', ['2026-03-01', '2026-03-02']]],
  },
  {
    path: '/api/v1/waste/stations/LW-ST-001/stats',
    user: 'hauler',
    base: { date: '2026-03-01' },
    paged: false,
    bad: [
      ['date', 'not a real day', '2026-02-30'],
      ['date', 'huge', '1e30'],
      ['date', 'repeated', ['2026-03-01', '2026-03-02']],
    ],
  },
  {
    path: '/api/v1/waste/vehicles',
    user: 'urban-inspector',
    base: {},
    paged: true,
    bad: [
      ['status', 'lower case', 'active'],
      ['companyUscc', 'a wrong check character', '914403001922038217'],
    ],
  },
  {
    path: '/api/v1/waste/bins',
    user: 'station-operator',
    base: {},
    paged: true,
    bad: [
      ['siteId', 'lower case', 'lw-st-001'],
      ['status', 'not a status', 'GONE'],
    ],
  },
  {
    path: '/api/v1/waste/loads',
    user: 'hauler',
    base: {},
    paged: true,
    bad: [
      ['status', 'not a load status', 'LATE'],
      ['vehicleId', 'not a mainland plate', '粤I12345'],
      ['stationId', 'lower case', 'lw-st-001'],
      ['from', 'not a real day', '2026-02-30'],
    ],
  },
  {
    path: '/api/v1/waste/loads',
    user: 'urban-inspector',
    base: { from: '2026-03-02' },
    paged: false,
    bad: [['to', 'before from', '2026-03-01']],
  },
  {
    path: `/api/v1/waste/vehicles/${encodeURIComponent('粤A12345D')}/stats/daily`,
    user: 'hauler',
    base: { from: '2026-03-01', to: '2026-03-31' },
    paged: false,
    bad: [
      ['to', 'before from', '2026-02-28'],
      ['to', 'beyond 366 days', '2027-03-02'],
      ['format', 'not a format', 'pdf'],
    ],
  },
  {
    path: `/api/v1/verify/certificates/${CERTIFICATE}`,
    user: undefined,
    // the holder check takes both or neither: a well-formed pair, so only the named parameter is at fault
    base: { holderIdNumber: residentId(), verificationCode: 'K7M2Q9XR' },
    paged: false,
    bad: [['holderIdNumber', 'a wrong check character', '110105194912310021']],
  },
  {
    path: `/api/v1/verify/certificates/${CERTIFICATE}/qr`,
    user: undefined,
    base: {},
    paged: false,
    bad: [['format', 'not a QR format', 'gif']],
  },
];

const PAGING: readonly (readonly [string, string, QueryValue])[] = [
  ...badIntegerValues(MAX_PAGE).map(([what, value]) => ['page', what, value] as const),
  ...badIntegerValues(MAX_PAGE_SIZE).map(([what, value]) => ['pageSize', what, value] as const),
  ['page', 'repeated', ['1', '2']],
];

const CASES = LISTS.flatMap((list) =>
  [...(list.paged ? PAGING : []), ...list.bad, ['limit', 'unknown', '10'] as const].map(
    ([parameter, what, value]) => [list.path, parameter, what, value, list] as const,
  ),
);

function withQuery(route: string, query: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
  }
  return `${route}?${search.toString()}`;
}

describe('list query parameters on the real gateway', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir: string;

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-list-query-'));
    gateway = await startGateway('list-query-validation', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      // every case below hits the public verification routes too; the per-address limit is not under test
      VERIFY_RATE_LIMIT: '10000',
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  const tokenOf = (user: string | undefined): string | undefined =>
    user === undefined ? undefined : (tokens[user] ?? `missing-token-for-${user}`);

  it.each(CASES)('%s ?%s= %s (%j)', async (_path, parameter, _what, value, list) => {
    const route = withQuery(list.path, { ...list.base, [parameter]: value });
    const answer = await call(gateway.baseUrl, 'GET', route, { token: tokenOf(list.user) });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(fieldsNamed(answer.body)).toEqual([parameter]);
  });

  it.each(LISTS.filter((list) => list.paged).map((list) => [list.path, list] as const))(
    '%s answers the deepest page at the largest page size',
    async (_path, list) => {
      const route = withQuery(list.path, { page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE) });
      const answer = await call(gateway.baseUrl, 'GET', route, { token: tokenOf(list.user) });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ items: [], page: MAX_PAGE, pageSize: MAX_PAGE_SIZE });
    },
  );
});
