import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';

import { DATABASE_SETUP_TIMEOUT_MS, openDatabase, TEST_DATABASES } from '../../../test/support/databases';
import { makeBagBarcode } from '../../../../chaincode/src/contract';
import { type Database } from '../../index-db/database/database';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteBagRow } from '../entities/waste-bag.entity';
import { WasteBagMovementRow } from '../entities/waste-bag-movement.entity';
import { computeStationStats } from '../waste-stats.service';
import {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
} from './waste-movements.projector';

Logger.overrideLogger(false);

const bag = (serial: number) => makeBagBarcode('440103', '01', serial);

function event(eventName: string, transactionId: string, payload: object): LedgerEvent {
  return {
    blockNumber: 9n,
    transactionId,
    chaincodeName: 'govtrace',
    eventName,
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

// as chaincode/src/waste/{commission,collection,delivery}.ts emit them
const commissioned = event('WasteBagsCommissioned', 'tx-commission', {
  batchId: bag(1),
  barcodes: [bag(1), bag(2), bag(3)],
  districtCode: '440103',
  category: '01',
  firstSerial: 1,
  count: 3,
  householdHash: 'f'.repeat(64),
  commissionedAt: '2026-03-01T01:00:00.000Z',
  commissionedBy: 'UrbanMSP',
  txId: 'tx-commission',
});
const collected = event('WasteCollectionRecorded', 'tx-load', {
  loadId: 'tx-load',
  vehicleId: '粤A12345',
  stationId: 'LW-ST-001',
  collectedAt: '2026-03-01T18:30:00+08:00',
  barcodes: [bag(1), bag(2)],
  loadWeightGrams: 9000,
  scannedWeightGrams: 1500,
  toleranceRatio: 0.1,
  anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH', message: 'load 9000 g differs from 1500 g' }],
  txId: 'tx-load',
  recordedAt: '2026-03-01T10:31:00.000Z',
  recordedBy: 'UrbanMSP',
  duplicates: [],
  rejected: [{ index: 2, barcode: bag(3), code: 'OUT_OF_ORDER', message: 'not collected yet' }],
  bagAnomalies: [],
});
const delivered = event('WasteDeliveryRecorded', 'tx-delivery', {
  deliveryId: 'tx-delivery',
  facilityId: 'LW-FA-001',
  vehicleId: '粤A12345',
  barcodes: [bag(1), bag(2)],
  receivedWeightGrams: 8900,
  outcome: 'RECYCLED',
  recoveredWeightGrams: 1200,
  receivedAt: '2026-03-01T20:00:00+08:00',
  txId: 'tx-delivery',
  recordedAt: '2026-03-01T12:01:00.000Z',
  recordedBy: 'UrbanMSP',
  duplicates: [],
  rejected: [],
  anomalies: [],
});

describe.each(TEST_DATABASES)('waste bag index on %s', (_name, makeDatabase) => {
  const testDatabase = makeDatabase();
  let dataSource: DataSource;
  let database: Database;

  beforeAll(() => testDatabase.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => testDatabase.tearDown());
  beforeEach(async () => {
    database = await openDatabase(await testDatabase.fresh());
    dataSource = database.dataSource;
  });
  afterEach(() => dataSource.destroy());

  const project = (projector: Projector, ledgerEvent: LedgerEvent) =>
    database.transaction((manager) => projector.prepare(ledgerEvent).write(manager));

  it('projects commissioned bags with their serials, and nothing of the household', async () => {
    await project(new WasteBagsCommissionedProjector(), commissioned);
    const rows = await dataSource.getRepository(WasteBagRow).find({ order: { serial: 'ASC' } });
    expect(rows.map((row) => [row.barcode, row.serial, row.batchId, row.txId, row.blockNumber])).toEqual([
      [bag(1), 1, bag(1), 'tx-commission', 9n],
      [bag(2), 2, bag(1), 'tx-commission', 9n],
      [bag(3), 3, bag(1), 'tx-commission', 9n],
    ]);
    expect(rows.flatMap((row) => Object.values(row).map(String))).not.toContain('f'.repeat(64));
  });

  it('projects a load and a delivery per bag, and the load-weight anomaly under the station and day', async () => {
    await project(new WasteCollectionProjector(), collected);
    await project(new WasteDeliveryProjector(), delivered);
    const moves = await dataSource
      .getRepository(WasteBagMovementRow)
      .find({ order: { barcode: 'ASC', step: 'ASC' } });
    expect(moves.map((row) => [row.barcode, row.step, row.siteId, row.day, row.outcome])).toEqual([
      [bag(1), 'DELIVERED', 'LW-FA-001', '2026-03-01', 'RECYCLED'],
      [bag(1), 'LOADED', 'LW-ST-001', '2026-03-01', null],
      [bag(2), 'DELIVERED', 'LW-FA-001', '2026-03-01', 'RECYCLED'],
      [bag(2), 'LOADED', 'LW-ST-001', '2026-03-01', null],
    ]);
    const stats = await database.transaction((manager) =>
      computeStationStats(manager, 'LW-ST-001', '2026-03-01'),
    );
    expect(stats.anomalies).toEqual([
      expect.objectContaining({ type: 'LOAD_WEIGHT_MISMATCH', txId: 'tx-load' }),
    ]);
  });

  it('adds nothing when an event is delivered again', async () => {
    for (let i = 0; i < 2; i += 1) {
      await project(new WasteBagsCommissionedProjector(), commissioned);
      await project(new WasteCollectionProjector(), collected);
      await project(new WasteDeliveryProjector(), delivered);
    }
    expect(await dataSource.getRepository(WasteBagRow).count()).toBe(3);
    expect(await dataSource.getRepository(WasteBagMovementRow).count()).toBe(4);
    expect(await dataSource.getRepository(WasteAnomalyRow).count()).toBe(1);
  });

  it('refuses a payload of another shape, naming the fields, and writes nothing', async () => {
    const broken = event('WasteCollectionRecorded', 'tx-broken', { stationId: 'LW-ST-001', barcodes: 'x' });
    await expect(project(new WasteCollectionProjector(), broken)).rejects.toBeInstanceOf(MalformedEventError);
    expect(await dataSource.getRepository(WasteBagMovementRow).count()).toBe(0);
  });
});
