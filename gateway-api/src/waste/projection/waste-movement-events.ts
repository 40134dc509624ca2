// A load (WasteCollectionRecorded) or a delivery (WasteDeliveryRecorded) as one movement of bags, so
// one projector writes both: the mapping from each decoded payload (waste-events.ts), with the
// Shanghai day the index files it under.

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type MovementStep } from '../entities/waste-bag-movement.entity';
import { shanghaiDay } from './shanghai-day';
import { parseCollectionRecorded, parseDeliveryRecorded, type ReportedAnomaly } from './waste-events';

/** What the index keeps of a load or a delivery. */
export interface Movement {
  readonly step: MovementStep;
  /** The station or transfer station of a load, the transfer station or facility of a delivery. */
  readonly siteId: string;
  readonly vehicleId: string;
  readonly barcodes: readonly string[];
  readonly at: string;
  readonly day: string;
  readonly outcome: string | null;
  readonly recordedAt: string;
  /** The load's own anomalies (weight outside tolerance) and those of single bags. */
  readonly anomalies: readonly ReportedAnomaly[];
}

export function collectionMovement(event: LedgerEvent): Movement {
  const load = parseCollectionRecorded(event);
  return {
    // a load leaving a transfer station is the bags' second departure; absent siteKind: a STATION
    step: load.siteKind === 'TRANSFER' ? 'TRANSFER_DEPARTED' : 'LOADED',
    siteId: load.stationId,
    vehicleId: load.vehicleId,
    barcodes: load.barcodes,
    at: load.collectedAt,
    // the decoder's rule on collectedAt has held
    day: shanghaiDay(load.collectedAt) ?? '',
    outcome: null,
    recordedAt: load.recordedAt,
    anomalies: [...load.anomalies, ...load.bagAnomalies],
  };
}

export function deliveryMovement(event: LedgerEvent): Movement {
  const delivery = parseDeliveryRecorded(event);
  return {
    // an arrival at a transfer station is not final; absent siteKind: a FACILITY
    step: delivery.siteKind === 'TRANSFER' ? 'TRANSFER_ARRIVED' : 'DELIVERED',
    siteId: delivery.facilityId,
    vehicleId: delivery.vehicleId,
    barcodes: delivery.barcodes,
    at: delivery.receivedAt,
    // the decoder's rule on receivedAt has held
    day: shanghaiDay(delivery.receivedAt) ?? '',
    outcome: delivery.outcome ?? null,
    recordedAt: delivery.recordedAt,
    anomalies: delivery.anomalies,
  };
}
