import { randomInt } from 'node:crypto';

import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { FabricModule } from '../src/fabric/fabric.module';
import { createDataSourceOptions, ENTITIES } from '../src/index-db/database/data-source-options';
import { IndexModule } from '../src/index-db/index.module';
import { MIGRATIONS } from '../src/index-db/migrations';
import { WASTE_PROJECTORS, WasteModule } from '../src/waste';
import { waitFor } from './support/in-memory-event-source';
import { demoAuth, useNetworkApp } from './support/network-app';

// The waste lists and daily totals against the running network: bags commissioned and scanned by the
// demo users are projected from the real events into an in-memory index and found by each filter. A
// district code of its own per run keeps other runs' bags out of the district's lists and totals.

Logger.overrideLogger(false);

const RUN = String(randomInt(100_000, 999_999));
const DISTRICT = `9${String(randomInt(10_000, 100_000))}`;
const STATION = `WQ-ST-${RUN}`;
const STATION_NAME = `查询测试站${RUN}`;

interface Page {
  items: Record<string, unknown>[];
  total: number;
}

describe('waste lists and totals on the real network', () => {
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: ':memory:' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });
  const app = useNetworkApp(
    [IndexModule.register({ imports: [FabricModule], projectors: WASTE_PROJECTORS }), WasteModule],
    (builder) => builder.overrideProvider(DataSource).useFactory({ factory: () => dataSource.initialize() }),
  );

  const post = (url: string, user: string, body: object) =>
    request(app()).post(`/api/v1/waste/${url}`).set('Authorization', demoAuth(user)).send(body);
  const get = (url: string, user: string, query: Record<string, string>) =>
    request(app()).get(`/api/v1/waste/${url}`).query(query).set('Authorization', demoAuth(user));

  it('finds scanned bags by district, category and status, their anomaly, and the day’s totals', async () => {
    expect(
      (
        await post('sites', 'urban-inspector', {
          siteId: STATION,
          kind: 'STATION',
          districtCode: DISTRICT,
          name: STATION_NAME,
        })
      ).status,
    ).toBe(201);
    const batch = await post('bag-batches', 'urban-inspector', {
      districtCode: DISTRICT,
      category: '02',
      firstSerial: randomInt(1, 990_000_000),
      count: 3,
      householdRef: `household-${RUN}`,
    });
    expect(batch.status).toBe(201);
    const [first = '', second = '', third = ''] = (batch.body as { barcodes: string[] }).barcodes;
    const scannedAt = new Date(Date.now() - 60_000).toISOString();
    const day = new Date(Date.parse(scannedAt) + 8 * 3600_000).toISOString().slice(0, 10);
    const scans = await post('scans', 'station-operator', {
      scans: [
        { barcode: first, stationId: STATION, scannedAt, weightGrams: 700, quality: 'CONFORMANT' },
        // the station saw recyclables in a kitchen-waste bag: a CATEGORY_MISMATCH anomaly
        {
          barcode: second,
          stationId: STATION,
          scannedAt,
          weightGrams: 300,
          quality: 'NON_CONFORMANT',
          category: '01',
        },
      ],
    });
    expect(scans.status).toBe(201);
    expect(scans.body).toMatchObject({ accepted: 2 });

    const collected = () => get('bags', 'urban-inspector', { districtCode: DISTRICT, status: 'COLLECTED' });
    await waitFor(
      'the index to project the scans',
      async () => ((await collected()).body as Page).total === 2,
      120_000,
    );
    expect((await collected()).body).toMatchObject({
      total: 2,
      items: [
        { barcode: first, category: '02', status: 'COLLECTED', stationId: STATION, weightGrams: 700 },
        { barcode: second, category: '02', status: 'COLLECTED', stationId: STATION, weightGrams: 300 },
      ].sort((a, b) => a.barcode.localeCompare(b.barcode)),
    });
    const waiting = await get('bags', 'hauler', {
      districtCode: DISTRICT,
      category: '02',
      status: 'COMMISSIONED',
    });
    expect((waiting.body as Page).items.map((item) => item.barcode)).toEqual([third]);

    const anomalies = await get('anomalies', 'station-operator', { stationId: STATION, from: day, to: day });
    expect(anomalies.status).toBe(200);
    expect(anomalies.body).toMatchObject({
      total: 1,
      items: [{ type: 'CATEGORY_MISMATCH', barcode: second, siteName: STATION_NAME, districtCode: DISTRICT }],
    });
    const csv = await get('anomalies', 'urban-inspector', { districtCode: DISTRICT, format: 'csv' }).buffer(
      true,
    );
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(`${STATION},${STATION_NAME},${DISTRICT}`);

    const expected = {
      bags: 2,
      weightGrams: 1000,
      conformant: 1,
      nonConformant: 1,
      conformanceRate: 0.5,
      anomalies: 1,
    };
    for (const url of [`stations/${STATION}/stats/daily`, `districts/${DISTRICT}/stats/daily`]) {
      const totals = await get(url, 'urban-inspector', { from: day, to: day });
      expect(totals.status).toBe(200);
      expect(totals.body).toMatchObject({ days: [{ date: day, ...expected }], totals: expected });
    }
    const city = await get('stats/daily', 'hauler', { from: day, to: day });
    expect((city.body as { totals: { bags: number } }).totals.bags).toBeGreaterThanOrEqual(2);
  });
});
