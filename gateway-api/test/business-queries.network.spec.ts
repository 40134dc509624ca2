import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { digits, residentId, uscc } from '../../test/support/identifiers';
import { BUSINESS_PROJECTORS, BusinessCalendarModule, BusinessModule } from '../src/business';
import { FabricModule } from '../src/fabric/fabric.module';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import { waitFor } from './support/in-memory-event-source';
import { demoAuth, useNetworkApp } from './support/network-app';

// The business case and licence lists against the running network: a case opened and advanced by the
// demo users is projected from the real events into an in-memory index and found by the new filters.

Logger.overrideLogger(false);

const USCC = uscc();
const CASE_ID = `BO-${USCC}`;
const NAME = `查询测试${digits(8)}有限公司`;

interface Page {
  items: Record<string, unknown>[];
  total: number;
}

describe('business lists on the real network', () => {
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: ':memory:' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  const app = useNetworkApp(
    [
      IndexModule.register({
        imports: [FabricModule, BusinessCalendarModule],
        projectors: [...BUSINESS_PROJECTORS],
      }),
      BusinessModule,
    ],
    (builder) => builder.overrideProvider(DataSource).useFactory({ factory: () => dataSource.initialize() }),
  );
  const get = (url: string, query: Record<string, string>) =>
    request(app()).get(`/api/v1/business/${url}`).query(query).set('Authorization', demoAuth('market-clerk'));
  const post = (url: string, user: string, body: object) =>
    request(app()).post(`/api/v1/business/${url}`).set('Authorization', demoAuth(user)).send(body);

  it('finds a case by its pending step and opening day, and its licence by USCC, name and status', async () => {
    const opened = await post('cases', 'market-clerk', {
      uscc: USCC,
      name: NAME,
      entityType: 'LIMITED_LIABILITY_COMPANY',
      legalRepresentative: { name: '欧阳小明', idNumber: residentId() },
      registeredCapitalCny: '1000000.00',
      address: '广州市天河区示例路1号',
      businessScope: '软件开发',
    });
    expect(opened.status).toBe(201);
    expect(
      (await post(`cases/${CASE_ID}/steps/LICENSE`, 'market-clerk', { reference: `L-${digits(6)}` })).status,
    ).toBe(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    const licence = () => get('licenses', { uscc: USCC });
    await waitFor(
      'the index to project the licence',
      async () => ((await licence()).body as Page).total === 1,
      120_000,
    );
    expect((await licence()).body).toMatchObject({
      items: [{ uscc: USCC, name: NAME, caseId: CASE_ID, status: 'ACTIVE' }],
    });
    const byName = await get('licenses', { name: NAME.slice(0, 12), status: 'ACTIVE' });
    expect((byName.body as Page).items.map((item) => item.uscc)).toEqual([USCC]);

    // every matching case as CSV, so other runs' cases of the day cannot push this one off a page
    const casesCsv = async (query: Record<string, string>): Promise<string> =>
      (await get('cases', { ...query, format: 'csv' }).buffer(true)).text;
    expect(await casesCsv({ step: 'SEAL', status: 'OPEN', from: today, to: today })).toContain(
      `${CASE_ID},${USCC},${NAME}`,
    );
    expect(await casesCsv({ step: 'LICENSE', from: today, to: today })).not.toContain(CASE_ID);
    expect(await casesCsv({ step: 'SEAL', to: '2026-01-01' })).not.toContain(CASE_ID);

    const cancelled = await post(`licenses/${USCC}/status`, 'market-clerk', {
      status: 'CANCELLED',
      reason: '股东会决议解散',
    });
    expect(cancelled.status).toBe(201);
    const gone = () => get('licenses', { uscc: USCC, status: 'CANCELLED' });
    await waitFor(
      'the index to project the cancellation',
      async () => ((await gone()).body as Page).total === 1,
      120_000,
    );
    expect((await gone()).body).toMatchObject({
      items: [{ uscc: USCC, status: 'CANCELLED', statusReason: '股东会决议解散' }],
    });
  }, 180_000);
});
