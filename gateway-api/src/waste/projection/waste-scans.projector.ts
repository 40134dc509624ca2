import { Injectable } from '@nestjs/common';
import { type EntityManager, type ObjectLiteral } from 'typeorm';

import { type Projection, type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteScanRow } from '../entities/waste-scan.entity';
import { EventNames } from '../../../../chaincode/src/contract';
import { shanghaiDay } from './shanghai-day';
import { type AcceptedScan, parseScansRecorded, type ScansRecorded } from './waste-events';
import { scansKeys } from './waste-keys';

/**
 * Rows per INSERT: a 1000-scan event is 11 000 bound values in one statement otherwise, near SQLite's
 * default limit on older builds; 200 rows keep every statement small on both databases.
 */
const ROWS_PER_INSERT = 200;

/**
 * WasteScansRecorded → waste_scans (one row per accepted scan) and waste_anomalies (one per anomaly).
 * Idempotent by construction: scans are keyed by barcode (the ledger accepts one scan per bag) and
 * anomalies by (txId, position), and both are inserted with "on conflict do nothing", so a redelivered
 * event, or a retried request the ledger answered with duplicates, never counts a bag twice.
 */
@Injectable()
export class WasteScansProjector implements Projector {
  readonly eventName = EventNames.WasteScansRecorded;

  prepare(event: LedgerEvent): Projection {
    const recorded = parseScansRecorded(event);
    return {
      claim: { keys: scansKeys(event, recorded) },
      write: (manager) => writeScans(manager, event, recorded),
    };
  }
}

async function writeScans(
  manager: EntityManager,
  event: LedgerEvent,
  recorded: ScansRecorded,
): Promise<void> {
  // the decoder's rules on the times have held: each has a Shanghai day
  const dayOf = (scan: AcceptedScan): string => shanghaiDay(scan.scannedAt) ?? '';
  const scans = recorded.accepted.map((scan): WasteScanRow => ({
    barcode: scan.barcode,
    stationId: scan.stationId,
    day: dayOf(scan),
    scannedAt: scan.scannedAt,
    category: scan.bagCategory,
    reportedCategory: scan.category ?? null,
    districtCode: scan.districtCode,
    weightGrams: scan.weightGrams,
    quality: scan.quality,
    txId: event.transactionId,
    blockNumber: event.blockNumber,
  }));
  const scanByBarcode = new Map<string, AcceptedScan>(recorded.accepted.map((scan) => [scan.barcode, scan]));
  const fallbackDay = shanghaiDay(recorded.recordedAt) ?? '';
  const anomalies = recorded.anomalies.map((anomaly, seq): WasteAnomalyRow => {
    // An anomaly of an accepted scan takes that scan's station and day. A refused scan (an event
    // after the bag's final outcome) is not in `accepted`, and the event does not name its station.
    const scan = anomaly.barcode === undefined ? undefined : scanByBarcode.get(anomaly.barcode);
    return {
      txId: event.transactionId,
      seq,
      eventName: event.eventName,
      type: anomaly.type,
      message: anomaly.message,
      barcode: anomaly.barcode ?? null,
      itemIndex: anomaly.index ?? null,
      stationId: scan?.stationId ?? null,
      day: scan === undefined ? fallbackDay : dayOf(scan),
      recordedAt: recorded.recordedAt,
    };
  });
  await insertIgnoringExisting(manager, WasteScanRow, scans);
  await insertIgnoringExisting(manager, WasteAnomalyRow, anomalies);
}

/** INSERT … ON CONFLICT DO NOTHING (SQLite: INSERT OR IGNORE), in chunks. */
export async function insertIgnoringExisting<T extends ObjectLiteral>(
  manager: EntityManager,
  target: new () => T,
  rows: readonly T[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .orIgnore()
      .execute();
  }
}
