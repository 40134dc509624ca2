// The waste events the index projects, decoded by the index's one decoder (event-payload.ts) from the
// shapes the chaincode declares (chaincode/src/waste/event-payloads.ts). A mismatch is a format
// disagreement: MalformedEventError, and the listener quarantines the event (visibly, with its payload)
// rather than project half of it or retry it for ever. Times must have a Shanghai day: the index
// files rows under it.

import { type EventPayload, EventNames } from '../../../../chaincode/src/contract';
import { eventPayload, firstProblem, wholeNumber } from '../../index-db/projection/event-payload';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { shanghaiDateTime } from './shanghai-day';

export type SiteRegistered = EventPayload<typeof EventNames.WasteSiteRegistered>;
export type BagsCommissioned = EventPayload<typeof EventNames.WasteBagsCommissioned>;
export type ScansRecorded = EventPayload<typeof EventNames.WasteScansRecorded>;
export type CollectionRecorded = EventPayload<typeof EventNames.WasteCollectionRecorded>;
export type DeliveryRecorded = EventPayload<typeof EventNames.WasteDeliveryRecorded>;
export type VehicleRegistered = EventPayload<typeof EventNames.WasteVehicleRegistered>;
export type VehicleRetired = EventPayload<typeof EventNames.WasteVehicleRetired>;
export type BinRegistered = EventPayload<typeof EventNames.WasteBinRegistered>;
export type BinRetired = EventPayload<typeof EventNames.WasteBinRetired>;
export type LoadWeightCorrected = EventPayload<typeof EventNames.WasteLoadWeightCorrected>;
export type AcceptedScan = ScansRecorded['accepted'][number];
/** An anomaly of an item (index and barcode) or of the batch as a whole. */
export type ReportedAnomaly = ScansRecorded['anomalies'][number];

/** A rule for a list of anomalies: their item indexes are whole numbers. */
const anomalyIndexes =
  (field: string) =>
  (anomalies: readonly ReportedAnomaly[]): string | undefined =>
    firstProblem(
      anomalies.map((anomaly, i) =>
        anomaly.index === undefined ? undefined : wholeNumber(`${field}.${i}.index`)(anomaly.index),
      ),
    );

export function parseSiteRegistered(event: LedgerEvent): SiteRegistered {
  return eventPayload(event, EventNames.WasteSiteRegistered);
}

export function parseBagsCommissioned(event: LedgerEvent): BagsCommissioned {
  return eventPayload(event, EventNames.WasteBagsCommissioned, { firstSerial: wholeNumber('firstSerial') });
}

export function parseScansRecorded(event: LedgerEvent): ScansRecorded {
  return eventPayload(event, EventNames.WasteScansRecorded, {
    // the scans' records are keyed by it (chaincode: recordScans' stamp)
    txId: (txId) =>
      txId === event.transactionId
        ? undefined
        : `txId ${txId} differs from the event's transaction ${event.transactionId}`,
    recordedAt: shanghaiDateTime('recordedAt'),
    accepted: (scans) =>
      firstProblem(
        scans.flatMap((scan, i) => [
          shanghaiDateTime(`accepted.${i}.scannedAt`)(scan.scannedAt),
          wholeNumber(`accepted.${i}.weightGrams`)(scan.weightGrams),
        ]),
      ),
    anomalies: anomalyIndexes('anomalies'),
  });
}

/** The transaction's own id: a load's and a delivery's id is the recording transaction's. */
const ownTransaction =
  (event: LedgerEvent, field: string) =>
  (id: string): string | undefined =>
    id === event.transactionId ? undefined : `${field} ${id} differs from the event's transaction`;

/** Absent siteKind/hop: an event from before transfer stations, a first hop from a STATION. */
const siteKindIn =
  (...kinds: string[]) =>
  (kind: string): string | undefined =>
    kinds.includes(kind) ? undefined : `siteKind ${kind} is not one of ${kinds.join(', ')}`;

export function parseCollectionRecorded(event: LedgerEvent): CollectionRecorded {
  return eventPayload(event, EventNames.WasteCollectionRecorded, {
    loadId: ownTransaction(event, 'loadId'),
    siteKind: siteKindIn('STATION', 'TRANSFER'),
    hop: (hop) => (hop === 1 || hop === 2 ? undefined : `hop ${hop} is not 1 or 2`),
    loadWeightGrams: wholeNumber('loadWeightGrams'),
    scannedWeightGrams: wholeNumber('scannedWeightGrams'),
    collectedAt: shanghaiDateTime('collectedAt'),
    anomalies: anomalyIndexes('anomalies'),
    bagAnomalies: anomalyIndexes('bagAnomalies'),
  });
}

export function parseDeliveryRecorded(event: LedgerEvent): DeliveryRecorded {
  return eventPayload(event, EventNames.WasteDeliveryRecorded, {
    siteKind: siteKindIn('TRANSFER', 'FACILITY'),
    receivedAt: shanghaiDateTime('receivedAt'),
    anomalies: anomalyIndexes('anomalies'),
  });
}

export function parseVehicleRegistered(event: LedgerEvent): VehicleRegistered {
  return eventPayload(event, EventNames.WasteVehicleRegistered, { capacityKg: wholeNumber('capacityKg') });
}

export function parseVehicleRetired(event: LedgerEvent): VehicleRetired {
  return eventPayload(event, EventNames.WasteVehicleRetired);
}

export function parseBinRegistered(event: LedgerEvent): BinRegistered {
  return eventPayload(event, EventNames.WasteBinRegistered);
}

export function parseBinRetired(event: LedgerEvent): BinRetired {
  return eventPayload(event, EventNames.WasteBinRetired);
}

export function parseLoadWeightCorrected(event: LedgerEvent): LoadWeightCorrected {
  return eventPayload(event, EventNames.WasteLoadWeightCorrected, {
    correctionId: ownTransaction(event, 'correctionId'),
    correctedWeightGrams: wholeNumber('correctedWeightGrams'),
  });
}
