// The waste_loads side of a collection and a delivery: a load row from WasteCollectionRecorded, and
// after a delivery the arrived-bag count of every load its bags left on, recounted from the movements
// so a redelivered event (or an old one without `arrivedLoads`) gives the same count.

import { type EntityManager } from 'typeorm';

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteBagMovementRow } from '../entities/waste-bag-movement.entity';
import { WasteLoadRow } from '../entities/waste-load.entity';
import { shanghaiDay } from './shanghai-day';
import { type CollectionRecorded } from './waste-events';

/** The load's row, or none when no bag was accepted (the chaincode then writes no load either). */
export function loadRow(event: LedgerEvent, load: CollectionRecorded): WasteLoadRow | undefined {
  if (load.barcodes.length === 0) return undefined;
  return {
    loadId: load.loadId,
    vehicleId: load.vehicleId,
    stationId: load.stationId,
    siteKind: load.siteKind ?? 'STATION',
    hop: load.hop ?? 1,
    collectedAt: load.collectedAt,
    collectedUtc: new Date(Date.parse(load.collectedAt.replace(/(\.\d{3})\d+/, '$1'))).toISOString(),
    // the decoder's rule on collectedAt has held
    day: shanghaiDay(load.collectedAt) ?? '',
    bags: load.barcodes.length,
    arrivedBags: 0,
    loadWeightGrams: load.loadWeightGrams,
    correctedWeightGrams: null,
    correctedAt: null,
    scannedWeightGrams: load.scannedWeightGrams,
    deviceReported: load.reportedBy?.device === true,
    offRoute: load.anomalies.some((anomaly) => anomaly.type === 'OFF_ROUTE'),
    anomalies: load.anomalies.length,
    blockNumber: event.blockNumber,
  };
}

/**
 * Recounts the arrived bags of the loads `barcodes` left on: a bag of a first-hop load (LOADED) has
 * arrived once it reached a transfer station or a facility, a bag of a second-hop load
 * (TRANSFER_DEPARTED) once it reached a facility. Run after the delivery's own movements are written.
 */
export async function recountArrivals(manager: EntityManager, barcodes: readonly string[]): Promise<void> {
  if (barcodes.length === 0) return;
  const departures = await manager
    .createQueryBuilder(WasteBagMovementRow, 'm')
    .select('DISTINCT m.tx_id', 'loadId')
    .where('m.barcode IN (:...barcodes)', { barcodes })
    .andWhere("m.step IN ('LOADED', 'TRANSFER_DEPARTED')")
    .getRawMany<{ loadId: string }>();
  for (const { loadId } of departures) {
    const [counted] = await manager
      .createQueryBuilder(WasteBagMovementRow, 'd')
      .select('COUNT(*)', 'arrived')
      .where('d.tx_id = :loadId', { loadId })
      .andWhere("d.step IN ('LOADED', 'TRANSFER_DEPARTED')")
      .andWhere(
        `EXISTS (SELECT 1 FROM waste_bag_movements a WHERE a.barcode = d.barcode AND (a.step = 'DELIVERED'
          OR (d.step = 'LOADED' AND a.step = 'TRANSFER_ARRIVED')))`,
      )
      .getRawMany<{ arrived: number | string }>();
    await manager.update(WasteLoadRow, { loadId }, { arrivedBags: Number(counted?.arrived ?? 0) });
  }
}
