import { Logger } from '@nestjs/common';
import { type ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';

import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from '../../../test/support/databases';
import { type EnvironmentVariables } from '../../config/env.schema';
import { validateEnv } from '../../config/validate-env';
import { createDataSourceOptions, ENTITIES } from '../../index-db/database/data-source-options';
import { Database } from '../../index-db/database/database';
import { type DatabaseConfig } from '../../index-db/database/database-config';

import { MIGRATIONS } from '../../index-db/migrations';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { ListCasesQuery, SearchEnterprisesQuery } from '../dto/list.dto';
import { BusinessCase, BusinessLicense } from '../entities';
import { BusinessWorkingCalendar } from '../working-calendar';
import { BusinessQueryService } from './business-query.service';
import {
  BusinessCaseOpenedProjector,
  BusinessLicenseStatusChangedProjector,
  BusinessStepCompletedProjector,
} from './business.projectors';

Logger.overrideLogger(false);

const A = '91350100M000100Y43';
const B = '9144030071526726XG';
const STEPS = ['LICENSE', 'SEAL', 'TAX', 'SOCIAL_SECURITY', 'HOUSING_FUND', 'BANK_ACCOUNT'];

function calendar(): BusinessWorkingCalendar {
  const config = validateEnv({});
  return new BusinessWorkingCalendar({
    get: (key: keyof EnvironmentVariables) => config[key],
  } as unknown as ConfigService<EnvironmentVariables, true>);
}

/** The gateway's database with the business entities and migration added, as the wiring will do. */
async function openBusinessDatabase(config: DatabaseConfig): Promise<Database> {
  const options = createDataSourceOptions(config);
  const dataSource = new DataSource({
    ...options,
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  return new Database(await dataSource.initialize());
}

let block = 10n;
const event = (eventName: string, transactionId: string, payload: unknown): LedgerEvent => ({
  blockNumber: (block += 1n),
  transactionId,
  chaincodeName: 'govtrace',
  eventName,
  payload: new TextEncoder().encode(JSON.stringify(payload)),
});

const opened = (uscc: string, name: string, normalisedName: string, openedAt: string, tx = `open-${uscc}`) =>
  event('BusinessCaseOpened', tx, {
    caseId: `BO-${uscc}`,
    uscc,
    name,
    normalisedName,
    entityType: 'LIMITED_LIABILITY_COMPANY',
    registeredCapitalFen: 100_000_000,
    legalRepresentative: '欧*明',
    openedAt,
    openedBy: { mspId: 'MarketMSP', role: 'market_clerk' },
  });

const stepDone = (uscc: string, step: string, completedAt: string) =>
  event('BusinessStepCompleted', `step-${uscc}-${step}`, {
    caseId: `BO-${uscc}`,
    uscc,
    name: 'n',
    step,
    reference: 'R',
    completedAt,
    completedBy: { mspId: step === 'TAX' ? 'TaxMSP' : 'MarketMSP', role: 'x' },
    openedAt: '2026-03-02T01:00:00.000Z',
    ...(step === 'LICENSE' ? { license: { status: 'ACTIVE', establishedAt: completedAt } } : {}),
  });

const statusChanged = (uscc: string, status: string, changedAt: string) =>
  event('BusinessLicenseStatusChanged', `status-${uscc}-${status}`, {
    uscc,
    caseId: `BO-${uscc}`,
    name: 'n',
    previousStatus: 'ACTIVE',
    status,
    reason: '解散',
    changedAt,
    changedBy: { mspId: 'MarketMSP', role: 'market_clerk' },
  });

const cases = (query: Partial<ListCasesQuery>): ListCasesQuery => Object.assign(new ListCasesQuery(), query);
const enterprises = (query: Partial<SearchEnterprisesQuery>): SearchEnterprisesQuery =>
  Object.assign(new SearchEnterprisesQuery(), query);

describe.each(TEST_DATABASES)('business index on %s', (_name, makeDatabase) => {
  const testDatabase = makeDatabase();
  let database: Database;
  const projectors = new Map<string, Projector>(
    [
      new BusinessCaseOpenedProjector(calendar()),
      new BusinessStepCompletedProjector(),
      new BusinessLicenseStatusChangedProjector(),
    ].map((projector) => [projector.eventName, projector]),
  );
  const project = (...events: LedgerEvent[]) =>
    events.reduce(
      (previous, next) =>
        previous.then(() =>
          database.transaction(
            (manager) => projectors.get(next.eventName)?.prepare(next).write(manager) ?? Promise.resolve(),
          ),
        ),
      Promise.resolve(),
    );
  // Monday 2026-03-02 15:00 Shanghai
  const queries = () => new BusinessQueryService(database, () => new Date('2026-03-02T07:00:00.000Z'));

  beforeAll(() => testDatabase.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => testDatabase.tearDown());
  beforeEach(async () => {
    database = await openBusinessDatabase(await testDatabase.fresh());
  });
  afterEach(() => database.dataSource.destroy());

  it('the migration builds exactly the schema the entities describe', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('projects a case through its six steps to COMPLETED, with the licence and its cancellation', async () => {
    await project(opened(A, '广州示例科技有限公司', '广州示例科技有限公司', '2026-03-02T01:00:00.000Z'));
    await project(
      ...STEPS.map((step, index) => stepDone(A, step, `2026-03-02T0${2 + (index % 2)}:00:00.000Z`)),
    );
    const row = await database.run((manager) => manager.findOneByOrFail(BusinessCase, { caseId: `BO-${A}` }));
    expect(row).toMatchObject({
      status: 'COMPLETED',
      stepsDone: 6,
      openedAt: '2026-03-02T01:00:00.000Z',
      completedAt: '2026-03-02T03:00:00.000Z',
      // Monday 09:00 + 3 h 45 min of working time: 14:15 Shanghai
      targetDeadline: '2026-03-02T06:15:00.000Z',
    });
    await project(statusChanged(A, 'CANCELLED', '2026-03-03T01:00:00.000Z'));
    expect(await database.run((manager) => manager.findOneByOrFail(BusinessLicense, { uscc: A }))).toEqual({
      uscc: A,
      caseId: `BO-${A}`,
      status: 'CANCELLED',
      establishedAt: '2026-03-02T02:00:00.000Z',
      statusChangedAt: '2026-03-03T01:00:00.000Z',
      statusReason: '解散',
    });
  });

  it('changes nothing when a transaction is delivered again', async () => {
    await project(
      opened(A, 'Alpha', 'alpha', '2026-03-02T01:00:00.000Z'),
      stepDone(A, 'LICENSE', '2026-03-02T02:00:00.000Z'),
    );
    await project(
      opened(A, 'Alpha', 'alpha', '2026-03-02T01:00:00.000Z'),
      stepDone(A, 'LICENSE', '2026-03-02T02:00:00.000Z'),
    );
    const row = await database.run((manager) => manager.findOneByOrFail(BusinessCase, { caseId: `BO-${A}` }));
    expect(row.stepsDone).toBe(1);
  });

  it('refuses a malformed payload and rolls the event back', async () => {
    const bad = event('BusinessCaseOpened', 'bad', { caseId: 'BO-x', uscc: A });
    await expect(project(bad)).rejects.toThrow(MalformedEventError);
    expect(await database.run((manager) => manager.count(BusinessCase))).toBe(0);
  });

  it('lists open, completed and over-target cases with paging', async () => {
    // A opened Monday 09:00, still open at 15:00 (4.5 h: over); B opened 13:30 (1.5 h: within)
    await project(
      opened(A, 'Alpha', 'alpha', '2026-03-02T01:00:00.000Z'),
      opened(B, 'Beta', 'beta', '2026-03-02T05:30:00.000Z'),
      stepDone(A, 'LICENSE', '2026-03-02T02:00:00.000Z'),
    );
    const all = await queries().listCases(cases({}));
    expect(all.total).toBe(2);
    expect(all.items.map((item) => [item.uscc, item.stepsDone, item.overTarget])).toEqual([
      [A, 1, true],
      [B, 0, false],
    ]);
    expect((await queries().listCases(cases({ overTarget: true }))).items.map((item) => item.uscc)).toEqual([
      A,
    ]);
    expect((await queries().listCases(cases({ overTarget: false }))).items.map((item) => item.uscc)).toEqual([
      B,
    ]);
    expect((await queries().listCases(cases({ status: 'COMPLETED' }))).total).toBe(0);
    const second = await queries().listCases(cases({ page: 2, pageSize: 1 }));
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [{ uscc: B }] });

    // completing A at 11:00 Monday: 2 h, within target however late it is now
    await project(...STEPS.slice(1).map((step) => stepDone(A, step, '2026-03-02T03:00:00.000Z')));
    expect(await queries().listCases(cases({ status: 'COMPLETED' }))).toMatchObject({
      total: 1,
      items: [{ uscc: A, status: 'COMPLETED', overTarget: false, completedAt: '2026-03-02T03:00:00.000Z' }],
    });
    expect((await queries().listCases(cases({ overTarget: true }))).total).toBe(0);
  });

  it('finds enterprises by normalised name prefix or USCC, with their licence status', async () => {
    await project(
      opened(A, 'ＡＢＣ 科技', 'abc科技', '2026-03-02T01:00:00.000Z'),
      opened(B, 'ab_c 贸易', 'ab_c贸易', '2026-03-02T01:00:00.000Z'),
      stepDone(A, 'LICENSE', '2026-03-02T02:00:00.000Z'),
    );
    const byPrefix = await queries().searchEnterprises(enterprises({ namePrefix: 'Ａ b' }));
    expect(byPrefix.items.map((item) => [item.uscc, item.licenseStatus])).toEqual([
      [B, null],
      [A, 'ACTIVE'],
    ]);
    // LIKE wildcards in the prefix match themselves
    const literal = await queries().searchEnterprises(enterprises({ namePrefix: 'ab_' }));
    expect(literal.items.map((item) => item.uscc)).toEqual([B]);
    const byUscc = await queries().searchEnterprises(enterprises({ uscc: A.toLowerCase() }));
    expect(byUscc).toMatchObject({ total: 1, items: [{ uscc: A, name: 'ＡＢＣ 科技', caseStatus: 'OPEN' }] });
    expect((await queries().searchEnterprises(enterprises({ namePrefix: '不存在' }))).total).toBe(0);
  });
});
