import request from 'supertest';
import { type App } from 'supertest/types';

import { organisationCodeCheck, usccCheckCharacter } from '../../chaincode/src/contract';
import { BusinessModule } from '../src/business';
import { BusinessCase, BusinessCaseStep, BusinessLicense } from '../src/business/entities';
import { CSV_BOM } from '../src/common/csv';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from './support/databases';
import { type QueryApp, startQueryApp } from './support/query-app';

// The business case and licence lists of the index over HTTP, on SQLite and PostgreSQL: every filter,
// paging, CSV, and bad parameters refused with 400 naming them.

const uscc = (orgCode: string): string => {
  const first17 = `91440106${orgCode}${organisationCodeCheck(orgCode)}`;
  return first17 + usccCheckCharacter(first17);
};
const USCC = { a: uscc('00000001'), b: uscc('00000002'), c: uscc('00000003'), d: uscc('00000004') };

// Deadlines far in the past or future, so "now" (the real clock) decides nothing by accident.
const CASES: [
  key: keyof typeof USCC,
  name: string,
  opened: string,
  deadline: string | null,
  completed: string | null,
][] = [
  // opened 2026-03-01 in Shanghai, still open long past its deadline: overdue and over target
  ['a', '广州甲科技有限公司', '2026-03-01T01:00:00.000Z', '2026-03-01T04:45:00.000Z', null],
  // opened 2026-03-02 04:00 in Shanghai (20:00 UTC the day before), within target
  ['b', '广州乙贸易有限公司', '2026-03-01T20:00:00.000Z', '2999-01-01T00:00:00.000Z', null],
  // opened 2026-03-03 00:30 in Shanghai, completed late: over target, not overdue
  [
    'c',
    '深圳丙科技有限公司',
    '2026-03-02T16:30:00.000Z',
    '2026-03-03T03:00:00.000Z',
    '2026-03-04T00:00:00.000Z',
  ],
  // opened 2026-03-05 with no deadline the calendar could give
  ['d', 'ＡＢＣ Trading 有限公司', '2026-03-05T00:00:00.000Z', null, null],
];
const STEPS: Record<keyof typeof USCC, string[]> = {
  a: ['LICENSE', 'SEAL'],
  b: [],
  c: ['LICENSE', 'SEAL', 'TAX', 'SOCIAL_SECURITY', 'HOUSING_FUND', 'BANK_ACCOUNT'],
  d: ['LICENSE'],
};
const LICENSES: [key: keyof typeof USCC, status: string, reason: string | null][] = [
  ['a', 'ACTIVE', null],
  ['c', 'CANCELLED', '股东决定解散'],
  ['d', 'REVOKED', '=虚假登记'],
];

interface Page {
  items: Record<string, unknown>[];
  page: number;
  pageSize: number;
  total: number;
}

describe.each(TEST_DATABASES)('business lists over HTTP on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  let queryApp: QueryApp;
  let server: App;

  beforeAll(async () => {
    await database.setUp();
    queryApp = await startQueryApp(BusinessModule, await database.fresh());
    server = queryApp.app.getHttpServer();
    const manager = queryApp.dataSource.manager;
    await manager.insert(
      BusinessCase,
      CASES.map(([key, name, openedAt, targetDeadline, completedAt]) => ({
        caseId: `BO-${USCC[key]}`,
        uscc: USCC[key],
        name,
        normalisedName: name === 'ＡＢＣ Trading 有限公司' ? 'abctrading有限公司' : name,
        entityType: 'LIMITED_LIABILITY_COMPANY',
        status: completedAt === null ? 'OPEN' : 'COMPLETED',
        stepsDone: STEPS[key].length,
        openedAt,
        completedAt,
        targetDeadline,
        txId: `tx-open-${key}`,
        blockNumber: 3n,
      })),
    );
    await manager.insert(
      BusinessCaseStep,
      Object.entries(STEPS).flatMap(([key, steps]) =>
        steps.map((step) => ({
          caseId: `BO-${USCC[key as keyof typeof USCC]}`,
          step,
          completedAt: '2026-03-06T00:00:00.000Z',
          completedByMsp: 'MarketMSP',
          txId: `tx-${key}-${step}`,
        })),
      ),
    );
    await manager.insert(
      BusinessLicense,
      LICENSES.map(([key, status, reason]) => ({
        uscc: USCC[key],
        caseId: `BO-${USCC[key]}`,
        status,
        establishedAt: '2026-03-06T00:00:00.000Z',
        statusChangedAt: status === 'ACTIVE' ? null : '2026-03-07T00:00:00.000Z',
        statusReason: reason,
      })),
    );
  }, DATABASE_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await queryApp?.close();
    await database.tearDown();
  });

  const get = (url: string, query: Record<string, string> = {}) =>
    request(server).get(url).query(query).set('Authorization', 'Bearer market_clerk');

  async function casesOf(query: Record<string, string>): Promise<string[]> {
    const answer = await get('/api/v1/business/cases', query);
    expect(answer.status).toBe(200);
    return (answer.body as Page).items.map((item) => String(item.uscc));
  }

  it.each([
    [{}, ['a', 'b', 'c', 'd']],
    [{ status: 'OPEN' }, ['a', 'b', 'd']],
    [{ overTarget: 'true' }, ['a', 'c']],
    [{ overTarget: 'false' }, ['b', 'd']],
    [{ overdue: 'true' }, ['a']],
    [{ overdue: 'false' }, ['b', 'c', 'd']],
    [{ step: 'LICENSE' }, ['b']],
    [{ step: 'SEAL' }, ['b', 'd']],
    [{ step: 'BANK_ACCOUNT' }, ['a', 'b', 'd']],
    [{ from: '2026-03-02' }, ['b', 'c', 'd']],
    [{ to: '2026-03-02' }, ['a', 'b']],
    [{ from: '2026-03-02', to: '2026-03-02' }, ['b']],
    [{ from: '2026-03-03', to: '2026-03-03' }, ['c']],
    [{ status: 'OPEN', step: 'SEAL', from: '2026-03-03' }, ['d']],
  ] as const)('cases %j', async (query, expected) => {
    expect(await casesOf(query)).toEqual(expected.map((key) => USCC[key]));
  });

  it('answers overdue and the deadline in each case', async () => {
    const answer = await get('/api/v1/business/cases', { overdue: 'true' });
    expect((answer.body as Page).items[0]).toMatchObject({
      uscc: USCC.a,
      overdue: true,
      overTarget: true,
      targetDeadline: '2026-03-01T04:45:00.000Z',
    });
  });

  it('pages the cases in opening order', async () => {
    const answer = await get('/api/v1/business/cases', { page: '2', pageSize: '3' });
    expect(answer.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect((answer.body as Page).items.map((item) => item.uscc)).toEqual([USCC.d]);
  });

  it('answers every matching case as CSV, with a BOM, a header row and the Chinese names', async () => {
    const answer = await get('/api/v1/business/cases', { status: 'OPEN', format: 'csv' }).buffer(true);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    const text = answer.text;
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'caseId,uscc,name,entityType,status,stepsDone,openedAt,completedAt,targetDeadline,overTarget,overdue',
    );
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines[1]).toContain(`${USCC.a},广州甲科技有限公司,`);
  });

  it.each([
    [{}, ['a', 'c', 'd']],
    [{ status: 'CANCELLED' }, ['c']],
    [{ uscc: USCC.d.toLowerCase() }, ['d']],
    [{ name: '广州' }, ['a']],
    [{ name: 'ａｂｃ trad' }, ['d']],
    [{ name: '100%' }, []],
    [{ name: '广州', status: 'REVOKED' }, []],
  ] as const)('licences %j', async (query, expected) => {
    const answer = await get('/api/v1/business/licenses', query);
    expect(answer.status).toBe(200);
    expect((answer.body as Page).items.map((item) => item.uscc)).toEqual(expected.map((key) => USCC[key]));
  });

  it('answers a licence with its enterprise name and status change', async () => {
    const answer = await get('/api/v1/business/licenses', { status: 'CANCELLED' });
    expect((answer.body as Page).items).toEqual([
      {
        uscc: USCC.c,
        name: '深圳丙科技有限公司',
        caseId: `BO-${USCC.c}`,
        status: 'CANCELLED',
        establishedAt: '2026-03-06T00:00:00.000Z',
        statusChangedAt: '2026-03-07T00:00:00.000Z',
        statusReason: '股东决定解散',
      },
    ]);
  });

  it('pages the licences and answers them as CSV on Accept: text/csv', async () => {
    const paged = await get('/api/v1/business/licenses', { page: '2', pageSize: '2' });
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect((paged.body as Page).items.map((item) => item.uscc)).toEqual([USCC.d]);
    const csv = await get('/api/v1/business/licenses').set('Accept', 'text/csv').buffer(true);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('uscc,name,caseId,status,establishedAt,statusChangedAt,statusReason');
    // a reason a spreadsheet would run as a formula stays text
    expect(lines[3]).toContain(",'=虚假登记");
  });

  it.each([
    ['/api/v1/business/cases', 'step', { step: 'PAYROLL' }],
    ['/api/v1/business/cases', 'overdue', { overdue: 'yes' }],
    ['/api/v1/business/cases', 'from', { from: '2026-02-30' }],
    ['/api/v1/business/cases', 'to', { to: '20260301' }],
    ['/api/v1/business/cases', 'to', { from: '2026-03-03', to: '2026-03-02' }],
    ['/api/v1/business/cases', 'format', { format: 'xlsx' }],
    ['/api/v1/business/licenses', 'status', { status: 'SUSPENDED' }],
    ['/api/v1/business/licenses', 'uscc', { uscc: '91350100M000100Y44' }],
    ['/api/v1/business/licenses', 'name', { name: '' }],
    ['/api/v1/business/licenses', 'name', { name: 'a\u0000b' }],
    ['/api/v1/business/licenses', 'pageSize', { pageSize: '101' }],
    ['/api/v1/business/licenses', 'namePrefix', { namePrefix: '广州' }],
  ])('%s refuses a bad %s with 400 naming it', async (url, field, query) => {
    const answer = await get(url, query);
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(answer.body)).toEqual([field]);
  });
});
