import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { digits, residentId, titleNumber, unitNumber } from '../../test/support/identifiers';
import { FabricModule } from '../src/fabric/fabric.module';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import { REAL_ESTATE_PROJECTORS, RealEstateModule } from '../src/real-estate';
import { waitFor } from './support/in-memory-event-source';
import { demoAuth, useNetworkApp } from './support/network-app';

// The real-estate and tax lists against the running network, with the demo users of the local setup
// (.govtrace/api-tokens.json) and the index projecting the real events into an in-memory SQLite: a
// clearance the tax officer records is listed unused, then used once the TRANSFER naming it commits,
// with the tax paid as the tax chaincode now records it (needs the `tax` definition of this change).

Logger.overrideLogger(false);

const auth = demoAuth;

interface Page {
  items: Record<string, unknown>[];
  total: number;
}

describe('real-estate and tax lists on the real network', () => {
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: ':memory:' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  const app = useNetworkApp(
    [IndexModule.register({ imports: [FabricModule], projectors: REAL_ESTATE_PROJECTORS }), RealEstateModule],
    (builder) => builder.overrideProvider(DataSource).useFactory({ factory: () => dataSource.initialize() }),
  );

  const get = (url: string, user: string, query: Record<string, string>) =>
    request(app()).get(url).query(query).set('Authorization', auth(user));

  it('lists a recorded clearance as unused, then as used by the TRANSFER; the acts and certificates too', async () => {
    // fresh per run: unit, certificate and receipt numbers are unique on the channel
    const unit = unitNumber();
    const [firstTitle, secondTitle] = [titleNumber(), titleNumber()];
    const seller = { name: '张晓三', idNumber: residentId(), share: '1/1' };
    const buyer = { name: '欧阳娜娜', idNumber: residentId(), share: '1/1' };
    const receiptNumber = `QS-${digits(10)}`;
    const register = (body: Record<string, unknown>) =>
      request(app())
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', auth('registry-clerk'))
        .send({ unitNumber: unit, ...body });

    expect((await register({ type: 'FIRST', certificateNumber: firstTitle, holders: [seller] })).status).toBe(
      201,
    );
    const recorded = await request(app())
      .post('/api/v1/real-estate/deed-tax-clearances')
      .set('Authorization', auth('tax-officer'))
      .send({ unitNumber: unit, transfereeIdNumbers: [buyer.idNumber], receiptNumber, taxPaidCny: 30000.5 });
    expect(recorded.status).toBe(201);

    const clearances = (query: Record<string, string>) =>
      get('/api/v1/real-estate/deed-tax-clearances', 'tax-officer', { receiptNumber, ...query });
    await waitFor(
      'the index to project the clearance',
      async () => ((await clearances({})).body as Page).total === 1,
      60_000,
    );
    expect(((await clearances({ used: 'false', mine: 'true' })).body as Page).items).toEqual([
      expect.objectContaining({
        clearanceNumber: receiptNumber,
        unitNumber: unit,
        titleVersion: 1,
        transfereeCount: 1,
        taxPaidCny: 30000.5,
        officerMspId: 'TaxMSP',
        officerName: 'tax-officer',
        txId: (recorded.body as { txId: string }).txId,
        used: false,
        usedByRegistrationId: null,
      }),
    ]);

    const transfer = await register({
      type: 'TRANSFER',
      certificateNumber: secondTitle,
      holders: [buyer],
      deedTaxClearanceNumber: receiptNumber,
    });
    expect(transfer.status).toBe(201);
    await waitFor(
      'the index to project the TRANSFER',
      async () => ((await clearances({ used: 'true' })).body as Page).total === 1,
      60_000,
    );
    expect(((await clearances({ used: 'true', mine: 'true' })).body as Page).items).toEqual([
      expect.objectContaining({ used: true, usedByRegistrationId: `${unit}-00000002` }),
    ]);
    expect(((await clearances({ used: 'false' })).body as Page).total).toBe(0);

    const acts = await get('/api/v1/real-estate/acts', 'registry-clerk', {
      unitNumber: unit,
      type: 'TRANSFER',
      clerk: 'registry-clerk',
    });
    expect((acts.body as Page).items).toEqual([
      expect.objectContaining({
        registrationId: `${unit}-00000002`,
        certificateNumber: secondTitle,
        deedTaxClearanceNumber: receiptNumber,
        clerkName: 'registry-clerk',
        txId: (transfer.body as { txId: string }).txId,
      }),
    ]);
    const certificates = await get('/api/v1/real-estate/certificates', 'registry-clerk', {
      unitNumber: unit,
    });
    expect((certificates.body as Page).items.map((item) => [item.certificateNumber, item.status])).toEqual([
      [secondTitle, 'ACTIVE'],
      [firstTitle, 'SUPERSEDED'],
    ]);
    const csv = await get('/api/v1/real-estate/deed-tax-clearances', 'tax-officer', {
      receiptNumber,
      format: 'csv',
    }).buffer(true);
    expect(csv.text.split('\r\n')[1]).toMatch(new RegExp(`^${receiptNumber},${unit},1,1,30000.5,`));
  });
});
