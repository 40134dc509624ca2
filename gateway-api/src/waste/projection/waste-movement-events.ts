// Readers of the waste events about bags themselves: commissioning, loading and delivery
// (chaincode/README.md, "Events"). As in waste-events.ts, a mismatch is a format disagreement.

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { payloadObject } from '../../index-db/projection/payload';
import { PayloadReader } from '../../index-db/projection/payload-reader';
import { payloadDay } from './shanghai-day';
import { type ProjectedAnomaly } from './waste-events';

export interface BagsCommissionedEvent {
  readonly batchId: string;
  readonly barcodes: readonly string[];
  readonly districtCode: string;
  readonly category: string;
  readonly firstSerial: number;
  readonly commissionedAt: string;
}

/** A load (WasteCollectionRecorded) or a delivery (WasteDeliveryRecorded), reduced to what the index keeps. */
export interface MovementEvent {
  readonly step: 'LOADED' | 'DELIVERED';
  /** The station of a load, the facility of a delivery. */
  readonly siteId: string;
  readonly vehicleId: string;
  readonly barcodes: readonly string[];
  readonly at: string;
  readonly day: string;
  readonly outcome: string | null;
  readonly recordedAt: string;
  /** The load's own anomalies (weight outside tolerance) and those of single bags. */
  readonly anomalies: readonly ProjectedAnomaly[];
}

function anomalies(
  reader: PayloadReader,
  source: Record<string, unknown>,
  field: string,
): ProjectedAnomaly[] {
  return reader.objects(source, field).map((anomaly, i) => {
    const where = `${field}.${i}.`;
    return {
      index: anomaly.index === undefined ? undefined : reader.integer(anomaly, 'index', where),
      barcode: reader.optionalString(anomaly, 'barcode', where),
      type: reader.string(anomaly, 'type', where),
      message: reader.string(anomaly, 'message', where),
    };
  });
}

export function parseBagsCommissioned(event: LedgerEvent): BagsCommissionedEvent {
  const payload = payloadObject(event);
  const reader = new PayloadReader();
  const parsed = {
    batchId: reader.string(payload, 'batchId'),
    barcodes: reader.strings(payload, 'barcodes'),
    districtCode: reader.string(payload, 'districtCode'),
    category: reader.string(payload, 'category'),
    firstSerial: reader.integer(payload, 'firstSerial'),
    commissionedAt: reader.string(payload, 'commissionedAt'),
  };
  reader.finish(event);
  return parsed;
}

export function parseCollectionRecorded(event: LedgerEvent): MovementEvent {
  const payload = payloadObject(event);
  const reader = new PayloadReader();
  const at = reader.string(payload, 'collectedAt');
  const parsed: MovementEvent = {
    step: 'LOADED',
    siteId: reader.string(payload, 'stationId'),
    vehicleId: reader.string(payload, 'vehicleId'),
    barcodes: reader.strings(payload, 'barcodes'),
    at,
    day: payloadDay(reader, at, 'collectedAt'),
    outcome: null,
    recordedAt: reader.string(payload, 'recordedAt'),
    anomalies: [...anomalies(reader, payload, 'anomalies'), ...anomalies(reader, payload, 'bagAnomalies')],
  };
  reader.finish(event);
  return parsed;
}

export function parseDeliveryRecorded(event: LedgerEvent): MovementEvent {
  const payload = payloadObject(event);
  const reader = new PayloadReader();
  const at = reader.string(payload, 'receivedAt');
  const parsed: MovementEvent = {
    step: 'DELIVERED',
    siteId: reader.string(payload, 'facilityId'),
    vehicleId: reader.string(payload, 'vehicleId'),
    barcodes: reader.strings(payload, 'barcodes'),
    at,
    day: payloadDay(reader, at, 'receivedAt'),
    outcome: reader.string(payload, 'outcome'),
    recordedAt: reader.string(payload, 'recordedAt'),
    anomalies: anomalies(reader, payload, 'anomalies'),
  };
  reader.finish(event);
  return parsed;
}
