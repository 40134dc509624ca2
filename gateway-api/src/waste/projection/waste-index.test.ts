import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from '../../../test/support/databases';
import { makeBagBarcode } from '../../../../chaincode/src/contract';
import { createDataSourceOptions, ENTITIES } from '../../index-db/database/data-source-options';
import { Database } from '../../index-db/database/database';
import { MIGRATIONS } from '../../index-db/migrations';
import { CreateWasteIndex1795478403000 } from '../entities/1795478403000-create-waste-index';

import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { type LedgerEvent } from '../../ledger/ledger-events.port';

import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteScanRow } from '../entities/waste-scan.entity';
import { computeStationStats, WasteStatsService } from '../waste-stats.service';
import { WasteScansProjector } from './waste-scans.projector';
import { WasteSiteProjector } from './waste-site.projector';

Logger.overrideLogger(false);

const bag = (serial: number, category: '01' | '02' = '01') => makeBagBarcode('440103', category, serial);

function event(eventName: string, transactionId: string, payload: object, blockNumber = 5n): LedgerEvent {
  return {
    blockNumber,
    transactionId,
    chaincodeName: 'govtrace',
    eventName,
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

const accepted = (
  serial: number,
  quality: string,
  weightGrams: number,
  scannedAt: string,
  category?: '02',
) => ({
  barcode: bag(serial, category),
  stationId: 'LW-ST-001',
  scannedAt,
  weightGrams,
  quality,
  districtCode: '440103',
  bagCategory: category ?? '01',
  anomalies: [],
});

// what chaincode/src/waste/scans.ts emits, including a scan just after local midnight (UTC 16:05)
const scansEvent = event('WasteScansRecorded', 'tx-scan-1', {
  txId: 'tx-scan-1',
  recordedAt: '2026-03-01T02:00:00.000Z',
  recordedBy: 'UrbanMSP',
  accepted: [
    accepted(1, 'CONFORMANT', 1000, '2026-03-01T08:00:00+08:00'),
    accepted(2, 'NON_CONFORMANT', 500, '2026-03-01T09:00:00.123456+08:00'),
    accepted(3, 'UNCHECKED', 250, '2026-02-28T16:05:00Z'),
    accepted(4, 'CONFORMANT', 2000, '2026-03-01T10:00:00+08:00', '02'),
    accepted(5, 'CONFORMANT', 700, '2026-03-01T23:59:59+08:00'),
    accepted(6, 'CONFORMANT', 700, '2026-03-01T16:00:00Z'), // 2026-03-02 in Shanghai
  ],
  duplicates: [bag(9)],
  rejected: [{ index: 7, barcode: 'junk', code: 'MALFORMED_BARCODE', message: 'barcode must be 18 digits' }],
  anomalies: [
    { index: 0, barcode: bag(1), type: 'OUT_OF_DISTRICT', message: 'scanned elsewhere' },
    { index: 0, barcode: bag(1), type: 'CATEGORY_MISMATCH', message: 'reported 02' },
    { index: 8, barcode: bag(10), type: 'AFTER_FINAL_OUTCOME', message: 'already recycled' },
  ],
});

describe.each(TEST_DATABASES)('waste index on %s', (_name, makeDatabase) => {
  const testDatabase = makeDatabase();
  let dataSource: DataSource;
  let database: Database;

  beforeAll(() => testDatabase.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => testDatabase.tearDown());
  beforeEach(async () => {
    // the wiring the README asks for: ENTITIES + WASTE_ENTITIES, MIGRATIONS + the waste migration
    const options = createDataSourceOptions(await testDatabase.fresh());
    dataSource = await new DataSource({
      ...options,
      entities: ENTITIES,
      migrations: MIGRATIONS,
    }).initialize();
    database = new Database(dataSource);
  });
  afterEach(() => dataSource.destroy());

  const project = (projector: WasteScansProjector | WasteSiteProjector, ledgerEvent: LedgerEvent) =>
    database.transaction((manager) => projector.prepare(ledgerEvent).write(manager));

  it('the migration builds exactly the schema the entities describe, and reverts', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    // undo down to and including the one that made waste_scans (later migrations come after it)
    const ours = MIGRATIONS.indexOf(CreateWasteIndex1795478403000);
    expect(ours).toBeGreaterThanOrEqual(0);
    for (let undo = MIGRATIONS.length - ours; undo > 0; undo -= 1) await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    expect(await runner.hasTable('waste_bag_movements')).toBe(false);
    expect(await runner.hasTable('waste_scans')).toBe(false);
    await runner.release();
  });

  it('projects one row per accepted scan with its Shanghai day, and the anomalies', async () => {
    await project(new WasteScansProjector(), scansEvent);
    const rows = await dataSource.getRepository(WasteScanRow).find({ order: { barcode: 'ASC' } });
    expect(rows.map((row) => [row.barcode, row.day, row.category, row.weightGrams, row.txId])).toEqual([
      [bag(1), '2026-03-01', '01', 1000, 'tx-scan-1'],
      [bag(2), '2026-03-01', '01', 500, 'tx-scan-1'],
      [bag(3), '2026-03-01', '01', 250, 'tx-scan-1'],
      [bag(5), '2026-03-01', '01', 700, 'tx-scan-1'],
      [bag(6), '2026-03-02', '01', 700, 'tx-scan-1'],
      [bag(4, '02'), '2026-03-01', '02', 2000, 'tx-scan-1'],
    ]);
    expect(rows[0]?.blockNumber).toBe(5n);
  });

  it('computes per-category bags, weight and conformance rate, and the day’s anomalies', async () => {
    await project(new WasteScansProjector(), scansEvent);
    const stats = await new WasteStatsService(database).stationStats('LW-ST-001', '2026-03-01');
    expect(stats).toEqual({
      stationId: 'LW-ST-001',
      date: '2026-03-01',
      timeZone: '+08:00',
      categories: [
        {
          category: '01',
          categoryName: 'RECYCLABLE',
          bags: 4,
          weightGrams: 2450,
          conformant: 2,
          nonConformant: 1,
          unchecked: 1,
          conformanceRate: 0.6667,
        },
        {
          category: '02',
          categoryName: 'FOOD',
          bags: 1,
          weightGrams: 2000,
          conformant: 1,
          nonConformant: 0,
          unchecked: 0,
          conformanceRate: 1,
        },
      ],
      anomalies: [
        {
          type: 'OUT_OF_DISTRICT',
          message: 'scanned elsewhere',
          barcode: bag(1),
          txId: 'tx-scan-1',
          recordedAt: '2026-03-01T02:00:00.000Z',
        },
        {
          type: 'CATEGORY_MISMATCH',
          message: 'reported 02',
          barcode: bag(1),
          txId: 'tx-scan-1',
          recordedAt: '2026-03-01T02:00:00.000Z',
        },
      ],
    });
  });

  it('re-projecting the same event changes nothing', async () => {
    const projector = new WasteScansProjector();
    await project(projector, scansEvent);
    const before = await database.run((manager) => computeStationStats(manager, 'LW-ST-001', '2026-03-01'));
    await project(projector, scansEvent);
    await project(projector, scansEvent);
    expect(await database.run((manager) => computeStationStats(manager, 'LW-ST-001', '2026-03-01'))).toEqual(
      before,
    );
    expect(await dataSource.getRepository(WasteAnomalyRow).count()).toBe(3);
  });

  it('projects a full 1000-scan batch', async () => {
    const scans = Array.from({ length: 1000 }, (_unused, i) =>
      accepted(100 + i, 'CONFORMANT', 1, '2026-03-03T08:00:00+08:00'),
    );
    await project(
      new WasteScansProjector(),
      event('WasteScansRecorded', 'tx-big', {
        txId: 'tx-big',
        recordedAt: '2026-03-03T00:00:00.000Z',
        accepted: scans,
        duplicates: [],
        rejected: [],
        anomalies: [],
      }),
    );
    const stats = await new WasteStatsService(database).stationStats('LW-ST-001', '2026-03-03');
    expect(stats.categories).toMatchObject([{ category: '01', bags: 1000, weightGrams: 1000 }]);
  });

  it('answers zeros for a registered station without scans, 404 for an unknown one, 400 for a bad id', async () => {
    const site = {
      siteId: 'LW-ST-002',
      kind: 'STATION',
      districtCode: '440103',
      name: '站',
      registeredAt: '2026-03-01T00:00:00.000Z',
      registeredBy: 'UrbanMSP',
      txId: 'tx-site',
    };
    await project(new WasteSiteProjector(), event('WasteSiteRegistered', 'tx-site', site));
    await project(new WasteSiteProjector(), event('WasteSiteRegistered', 'tx-site', site));
    const stats = new WasteStatsService(database);
    await expect(stats.stationStats('LW-ST-002', '2026-03-01')).resolves.toMatchObject({
      categories: [],
      anomalies: [],
    });
    await expect(stats.stationStats('LW-ST-404', '2026-03-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stats.stationStats('bad id', '2026-03-01')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'stationId' }],
    });
  });

  it('refuses a malformed payload without writing', async () => {
    await expect(
      project(
        new WasteScansProjector(),
        event('WasteScansRecorded', 'tx-bad', { txId: 'tx-bad', accepted: [{}] }),
      ),
    ).rejects.toBeInstanceOf(MalformedEventError);
    expect(await dataSource.getRepository(WasteScanRow).count()).toBe(0);
  });
});
