import request from 'supertest';
import { type App } from 'supertest/types';

import { makeBagBarcode } from '../../chaincode/src/contract';
import { CSV_BOM } from '../src/common/csv';
import { Database } from '../src/index-db/database/database';
import { type LedgerEvent } from '../src/ledger/ledger-events.port';
import { WasteModule } from '../src/waste';
import { WasteAnomalyRow, WasteBagMovementRow, WasteBagRow, WasteSiteRow } from '../src/waste/entities';
import { WasteScansProjector } from '../src/waste/projection/waste-scans.projector';
import { type ErrorBody, fieldsNamed } from './support/bad-query-values';
import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from './support/databases';
import { type QueryApp, startQueryApp } from './support/query-app';

// The waste bag and anomaly lists and the daily totals of the index over HTTP, on SQLite and
// PostgreSQL: every filter, paging, CSV (BOM, header, Chinese site names), bad parameters → 400.
// Scans and their anomalies are projected from a synthetic WasteScansRecorded event, as the chaincode
// emits it; sites, bags and movements are written as their projectors write them.

const LW = '440103';
const TH = '440106';
const bag = (district: string, category: '01' | '02', serial: number): string =>
  makeBagBarcode(district, category, serial);

const SITES: [siteId: string, kind: string, district: string, name: string][] = [
  ['LW-ST-001', 'STATION', LW, '荔湾区示范回收站'],
  ['TH-ST-001', 'STATION', TH, '天河区回收站'],
  ['FAC-001', 'FACILITY', TH, '兴丰处理厂'],
];
const BAGS: [district: string, category: '01' | '02', serial: number][] = [
  [LW, '01', 1],
  [LW, '01', 2],
  [LW, '01', 3],
  [LW, '01', 4],
  [LW, '01', 5],
  [LW, '01', 6],
  [LW, '02', 1],
  [LW, '02', 2],
  [TH, '01', 1],
  [TH, '01', 2],
];

const accepted = (
  barcode: string,
  stationId: string,
  quality: string,
  weightGrams: number,
  scannedAt: string,
) => ({
  barcode,
  stationId,
  scannedAt,
  weightGrams,
  quality,
  districtCode: barcode.slice(0, 6),
  bagCategory: barcode.slice(6, 8),
  anomalies: [],
});

const scansEvent: LedgerEvent = {
  blockNumber: 7n,
  transactionId: 'tx-scans',
  chaincodeName: 'govtrace',
  eventName: 'WasteScansRecorded',
  payload: new TextEncoder().encode(
    JSON.stringify({
      txId: 'tx-scans',
      recordedAt: '2026-03-02T02:00:00.000Z',
      recordedBy: 'UrbanMSP',
      accepted: [
        accepted(bag(LW, '01', 1), 'LW-ST-001', 'CONFORMANT', 1000, '2026-03-01T08:00:00+08:00'),
        accepted(bag(LW, '01', 2), 'LW-ST-001', 'NON_CONFORMANT', 500, '2026-03-01T09:00:00+08:00'),
        accepted(bag(LW, '01', 3), 'LW-ST-001', 'UNCHECKED', 250, '2026-03-02T08:00:00+08:00'),
        accepted(bag(LW, '02', 1), 'LW-ST-001', 'CONFORMANT', 2000, '2026-03-01T10:00:00+08:00'),
        accepted(bag(TH, '01', 1), 'TH-ST-001', 'CONFORMANT', 800, '2026-03-01T11:00:00+08:00'),
        accepted(bag(LW, '01', 4), 'TH-ST-001', 'CONFORMANT', 300, '2026-03-02T11:00:00+08:00'),
      ],
      duplicates: [],
      rejected: [],
      anomalies: [
        { index: 0, barcode: bag(LW, '01', 1), type: 'CATEGORY_MISMATCH', message: '上报类别 02' },
        { index: 5, barcode: bag(LW, '01', 4), type: 'OUT_OF_DISTRICT', message: 'scanned in 440106' },
        // a refused scan: no station in the event, so it counts for its bag's district
        { index: 6, barcode: bag(LW, '01', 6), type: 'AFTER_FINAL_OUTCOME', message: 'already recycled' },
      ],
    }),
  ),
};

interface Page {
  items: Record<string, unknown>[];
  page: number;
  pageSize: number;
  total: number;
}

interface Totals {
  bags: number;
  weightGrams: number;
  conformant: number;
  nonConformant: number;
  unchecked: number;
  conformanceRate: number | null;
  anomalies: number;
  categories: ({ category: string } & Omit<Totals, 'categories'>)[];
}

interface Daily {
  scope: object;
  days: (Totals & { date: string })[];
  totals: Totals;
}

describe.each(TEST_DATABASES)('waste lists and totals over HTTP on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  let queryApp: QueryApp;
  let server: App;

  beforeAll(async () => {
    await database.setUp();
    queryApp = await startQueryApp(WasteModule, await database.fresh());
    server = queryApp.app.getHttpServer();
    const manager = queryApp.dataSource.manager;
    await manager.insert(
      WasteSiteRow,
      SITES.map(([siteId, kind, districtCode, name]) => ({
        siteId,
        kind,
        districtCode,
        name,
        registeredAt: '2026-02-01T00:00:00.000Z',
        txId: `tx-site-${siteId}`,
        blockNumber: 2n,
      })),
    );
    await manager.insert(
      WasteBagRow,
      BAGS.map(([district, category, serial]) => ({
        barcode: bag(district, category, serial),
        batchId: bag(district, category, 1),
        districtCode: district,
        category,
        serial,
        commissionedAt: '2026-02-15T00:00:00.000Z',
        txId: `tx-bags-${district}-${category}`,
        blockNumber: 3n,
      })),
    );
    await new Database(queryApp.dataSource).transaction((tx) =>
      new WasteScansProjector().prepare(scansEvent).write(tx),
    );
    const movement = (barcode: string, step: 'LOADED' | 'DELIVERED', siteId: string, day: string) => ({
      barcode,
      step,
      siteId,
      vehicleId: '粤A12345',
      at: `${day}T10:00:00+08:00`,
      day,
      outcome: step === 'DELIVERED' ? 'RECYCLED' : null,
      txId: `tx-${step}-${day}`,
      blockNumber: 8n,
    });
    await manager.insert(WasteBagMovementRow, [
      movement(bag(LW, '01', 1), 'LOADED', 'LW-ST-001', '2026-03-02'),
      movement(bag(LW, '01', 2), 'LOADED', 'LW-ST-001', '2026-03-02'),
      movement(bag(LW, '01', 1), 'DELIVERED', 'FAC-001', '2026-03-03'),
    ]);
    // a load whose weight did not match: about the load, no bag
    await manager.insert(WasteAnomalyRow, {
      txId: 'tx-LOADED-2026-03-02',
      seq: 0,
      eventName: 'WasteCollectionRecorded',
      type: 'LOAD_WEIGHT_MISMATCH',
      message: 'declared 1.5 kg, scanned 1.2 kg',
      barcode: null,
      itemIndex: null,
      stationId: 'LW-ST-001',
      day: '2026-03-02',
      recordedAt: '2026-03-02T03:00:00.000Z',
    });
  }, DATABASE_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await queryApp?.close();
    await database.tearDown();
  });

  const get = (url: string, query: Record<string, string> = {}) =>
    request(server).get(url).query(query).set('Authorization', 'Bearer urban_inspector');

  describe('bags', () => {
    async function bagsOf(query: Record<string, string>): Promise<string[]> {
      const answer = await get('/api/v1/waste/bags', query);
      expect(answer.status).toBe(200);
      return (answer.body as Page).items.map((item) => String(item.barcode));
    }
    const codes = (...bags: [string, '01' | '02', number][]): string[] =>
      bags.map(([district, category, serial]) => bag(district, category, serial)).sort();

    it.each([
      [{ districtCode: TH }, codes([TH, '01', 1], [TH, '01', 2])],
      [{ category: '02' }, codes([LW, '02', 1], [LW, '02', 2])],
      [{ status: 'DELIVERED' }, codes([LW, '01', 1])],
      [{ status: 'LOADED' }, codes([LW, '01', 2])],
      [{ status: 'COLLECTED' }, codes([LW, '01', 3], [LW, '01', 4], [LW, '02', 1], [TH, '01', 1])],
      [{ status: 'COMMISSIONED' }, codes([LW, '01', 5], [LW, '01', 6], [LW, '02', 2], [TH, '01', 2])],
      [{ districtCode: LW, category: '01', status: 'COLLECTED' }, codes([LW, '01', 3], [LW, '01', 4])],
      [{ category: '03' }, []],
      [{ batchId: bag(LW, '02', 1) }, codes([LW, '02', 1], [LW, '02', 2])],
      [{ batchId: bag(LW, '02', 2) }, []],
    ] as const)('%j', async (query, expected) => {
      expect(await bagsOf(query)).toEqual(expected);
    });

    it('pages all bags in barcode order, each with its latest step', async () => {
      const all = codes(...BAGS);
      const answer = await get('/api/v1/waste/bags', { page: '2', pageSize: '3' });
      expect(answer.body).toMatchObject({ page: 2, pageSize: 3, total: 10 });
      expect((answer.body as Page).items.map((item) => item.barcode)).toEqual(all.slice(3, 6));
      const delivered = await get('/api/v1/waste/bags', { status: 'DELIVERED' });
      expect((delivered.body as Page).items[0]).toEqual({
        barcode: bag(LW, '01', 1),
        districtCode: LW,
        category: '01',
        categoryName: 'RECYCLABLE',
        serial: 1,
        batchId: bag(LW, '01', 1),
        commissionedAt: '2026-02-15T00:00:00.000Z',
        status: 'DELIVERED',
        stationId: 'LW-ST-001',
        scannedAt: '2026-03-01T08:00:00+08:00',
        weightGrams: 1000,
        quality: 'CONFORMANT',
        loadedAt: '2026-03-02T10:00:00+08:00',
        transferSiteId: null,
        transferArrivedAt: null,
        transferDepartedAt: null,
        deliveredAt: '2026-03-03T10:00:00+08:00',
        facilityId: 'FAC-001',
        outcome: 'RECYCLED',
      });
    });

    it('answers every matching bag as CSV', async () => {
      const answer = await get('/api/v1/waste/bags', { districtCode: TH })
        .set('Accept', 'text/csv')
        .buffer(true);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="waste-bags-/);
      expect(answer.text.startsWith(CSV_BOM)).toBe(true);
      const lines = answer.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'barcode,districtCode,category,categoryName,serial,batchId,commissionedAt,status,stationId,' +
          'scannedAt,weightGrams,quality,loadedAt,transferSiteId,transferArrivedAt,transferDepartedAt,' +
          'deliveredAt,facilityId,outcome',
      );
      expect(lines.slice(1, -1)).toHaveLength(2);
      expect(lines[1]).toContain(`${bag(TH, '01', 1)},${TH},01,RECYCLABLE,1,`);
    });
  });

  describe('anomalies', () => {
    async function kindsOf(query: Record<string, string>): Promise<string[]> {
      const answer = await get('/api/v1/waste/anomalies', query);
      expect(answer.status).toBe(200);
      return (answer.body as Page).items.map((item) => String(item.type));
    }

    it.each([
      // newest day first; within a day, newest record first
      [{}, ['LOAD_WEIGHT_MISMATCH', 'OUT_OF_DISTRICT', 'AFTER_FINAL_OUTCOME', 'CATEGORY_MISMATCH']],
      [{ kind: 'OUT_OF_DISTRICT' }, ['OUT_OF_DISTRICT']],
      [{ stationId: 'LW-ST-001' }, ['LOAD_WEIGHT_MISMATCH', 'CATEGORY_MISMATCH']],
      [{ districtCode: LW }, ['LOAD_WEIGHT_MISMATCH', 'AFTER_FINAL_OUTCOME', 'CATEGORY_MISMATCH']],
      [{ districtCode: TH }, ['OUT_OF_DISTRICT']],
      [{ districtCode: TH, stationId: 'LW-ST-001' }, []],
      [{ from: '2026-03-02' }, ['LOAD_WEIGHT_MISMATCH', 'OUT_OF_DISTRICT', 'AFTER_FINAL_OUTCOME']],
      [{ to: '2026-03-01' }, ['CATEGORY_MISMATCH']],
      [
        { from: '2026-03-01', to: '2026-03-01', kind: 'CATEGORY_MISMATCH', stationId: 'LW-ST-001' },
        ['CATEGORY_MISMATCH'],
      ],
    ] as const)('%j', async (query, expected) => {
      expect(await kindsOf(query)).toEqual(expected);
    });

    it("answers each with its site's name and the district it counts for", async () => {
      const answer = await get('/api/v1/waste/anomalies', { kind: 'OUT_OF_DISTRICT' });
      expect((answer.body as Page).items[0]).toEqual({
        type: 'OUT_OF_DISTRICT',
        message: 'scanned in 440106',
        barcode: bag(LW, '01', 4),
        stationId: 'TH-ST-001',
        siteName: '天河区回收站',
        districtCode: TH,
        category: '01',
        day: '2026-03-02',
        recordedAt: '2026-03-02T02:00:00.000Z',
        txId: 'tx-scans',
        seq: 1,
        eventName: 'WasteScansRecorded',
      });
      const refused = await get('/api/v1/waste/anomalies', { kind: 'AFTER_FINAL_OUTCOME' });
      expect((refused.body as Page).items[0]).toMatchObject({
        stationId: null,
        siteName: null,
        districtCode: LW,
      });
    });

    it('pages, and answers as CSV with the Chinese site name', async () => {
      const paged = await get('/api/v1/waste/anomalies', { page: '2', pageSize: '3' });
      expect(paged.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect((paged.body as Page).items.map((item) => item.type)).toEqual(['CATEGORY_MISMATCH']);
      const csv = await get('/api/v1/waste/anomalies', { stationId: 'LW-ST-001', format: 'csv' }).buffer(
        true,
      );
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.startsWith(CSV_BOM)).toBe(true);
      const lines = csv.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'day,recordedAt,type,message,barcode,category,stationId,siteName,districtCode,eventName,txId,seq',
      );
      expect(lines.slice(1, -1)).toHaveLength(2);
      expect(lines[2]).toContain('CATEGORY_MISMATCH,上报类别 02,');
      expect(lines[2]).toContain(',LW-ST-001,荔湾区示范回收站,440103,');
    });
  });

  describe('daily totals', () => {
    const categoryOf = (totals: Totals, category: string) =>
      totals.categories.find((entry) => entry.category === category);

    it("counts a station's days and categories, zeros included, and the whole range", async () => {
      const answer = await get('/api/v1/waste/stations/LW-ST-001/stats/daily', {
        from: '2026-03-01',
        to: '2026-03-03',
      });
      expect(answer.status).toBe(200);
      const stats = answer.body as Daily;
      expect(stats).toMatchObject({
        scope: { kind: 'STATION', stationId: 'LW-ST-001' },
        from: '2026-03-01',
        to: '2026-03-03',
        timeZone: '+08:00',
      });
      expect(stats.days.map((day) => [day.date, day.categories.map((entry) => entry.category)])).toEqual(
        ['2026-03-01', '2026-03-02', '2026-03-03'].map((date) => [date, ['01', '02', '03', '04']]),
      );
      const [first, second, third] = stats.days;
      expect(categoryOf(first as Totals, '01')).toEqual({
        category: '01',
        categoryName: 'RECYCLABLE',
        bags: 2,
        weightGrams: 1500,
        conformant: 1,
        nonConformant: 1,
        unchecked: 0,
        conformanceRate: 0.5,
        anomalies: 1,
      });
      expect(first).toMatchObject({ bags: 3, weightGrams: 3500, conformanceRate: 0.6667, anomalies: 1 });
      // the load's anomaly names no bag: the day counts it, no category does
      expect(second).toMatchObject({ bags: 1, unchecked: 1, conformanceRate: null, anomalies: 1 });
      expect(categoryOf(second as Totals, '01')).toMatchObject({ bags: 1, anomalies: 0 });
      expect(third).toMatchObject({ bags: 0, weightGrams: 0, conformanceRate: null, anomalies: 0 });
      expect(stats.totals).toMatchObject({
        bags: 4,
        weightGrams: 3750,
        conformant: 2,
        nonConformant: 1,
        unchecked: 1,
        conformanceRate: 0.6667,
        anomalies: 2,
      });
      expect(categoryOf(stats.totals, '02')).toMatchObject({
        bags: 1,
        weightGrams: 2000,
        conformanceRate: 1,
      });
    });

    it("counts a district's stations, and the whole city", async () => {
      const district = await get(`/api/v1/waste/districts/${TH}/stats/daily`, {
        from: '2026-03-01',
        to: '2026-03-02',
      });
      expect(district.status).toBe(200);
      expect((district.body as Daily).scope).toEqual({ kind: 'DISTRICT', districtCode: TH });
      expect((district.body as Daily).totals).toMatchObject({ bags: 2, weightGrams: 1100, anomalies: 1 });
      const lw = await get(`/api/v1/waste/districts/${LW}/stats/daily`, {
        from: '2026-03-01',
        to: '2026-03-02',
      });
      expect((lw.body as Daily).totals).toMatchObject({ bags: 4, weightGrams: 3750, anomalies: 3 });
      const city = await get('/api/v1/waste/stats/daily', { from: '2026-03-01', to: '2026-03-02' });
      expect(city.status).toBe(200);
      expect((city.body as Daily).scope).toEqual({ kind: 'CITY' });
      expect((city.body as Daily).totals).toMatchObject({ bags: 6, weightGrams: 4850, anomalies: 4 });
      expect(categoryOf((city.body as Daily).totals, '01')).toMatchObject({ bags: 5, anomalies: 3 });
    });

    it('answers the totals as CSV, one row per day and category', async () => {
      const answer = await get('/api/v1/waste/stations/LW-ST-001/stats/daily', {
        from: '2026-03-01',
        to: '2026-03-03',
        format: 'csv',
      }).buffer(true);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-disposition']).toBe(
        'attachment; filename="waste-daily-station-LW-ST-001-2026-03-01-2026-03-03.csv"',
      );
      expect(answer.text.startsWith(CSV_BOM)).toBe(true);
      const lines = answer.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'scope,scopeId,date,category,categoryName,bags,weightGrams,conformant,nonConformant,unchecked,conformanceRate,anomalies',
      );
      expect(lines.slice(1, -1)).toHaveLength(12);
      expect(lines[1]).toBe('STATION,LW-ST-001,2026-03-01,01,RECYCLABLE,2,1500,1,1,0,0.5,1');
    });

    it('answers 404 for a station the index does not hold', async () => {
      const answer = await get('/api/v1/waste/stations/XX-ST-999/stats/daily', {
        from: '2026-03-01',
        to: '2026-03-01',
      });
      expect(answer.status).toBe(404);
    });
  });

  it.each([
    ['/api/v1/waste/bags', 'districtCode', { districtCode: '44010' }],
    ['/api/v1/waste/bags', 'category', { category: '05' }],
    ['/api/v1/waste/bags', 'status', { status: 'collected' }],
    ['/api/v1/waste/bags', 'batchId', { batchId: '44010301000000001' }],
    ['/api/v1/waste/bags', 'page', { page: '0' }],
    ['/api/v1/waste/bags', 'format', { format: 'xml' }],
    ['/api/v1/waste/anomalies', 'kind', { kind: 'LATE' }],
    ['/api/v1/waste/anomalies', 'stationId', { stationId: 'lw-st-001' }],
    ['/api/v1/waste/anomalies', 'districtCode', { districtCode: '040103' }],
    ['/api/v1/waste/anomalies', 'from', { from: '2026-13-01' }],
    ['/api/v1/waste/anomalies', 'to', { from: '2026-03-02', to: '2026-03-01' }],
    ['/api/v1/waste/stats/daily', 'from', { to: '2026-03-01' }],
    ['/api/v1/waste/stats/daily', 'to', { from: '2026-03-01' }],
    ['/api/v1/waste/stats/daily', 'to', { from: '2026-03-02', to: '2026-03-01' }],
    ['/api/v1/waste/stats/daily', 'to', { from: '2025-01-01', to: '2026-01-02' }],
    ['/api/v1/waste/stats/daily', 'format', { from: '2026-03-01', to: '2026-03-01', format: 'pdf' }],
    [
      '/api/v1/waste/stats/daily',
      'stationId',
      { from: '2026-03-01', to: '2026-03-01', stationId: 'LW-ST-001' },
    ],
    ['/api/v1/waste/districts/44010X/stats/daily', 'districtCode', { from: '2026-03-01', to: '2026-03-01' }],
    ['/api/v1/waste/stations/lw/stats/daily', 'stationId', { from: '2026-03-01', to: '2026-03-01' }],
  ])('%s refuses a bad %s with 400 naming it', async (url, field, query) => {
    const answer = await get(url, query);
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    expect(fieldsNamed(answer.body)).toEqual([field]);
  });

  it('accepts a whole leap year of totals (366 days)', async () => {
    const answer = await get('/api/v1/waste/stats/daily', { from: '2028-01-01', to: '2028-12-31' });
    expect(answer.status).toBe(200);
    expect((answer.body as Daily).days).toHaveLength(366);
  });
});
