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

export function parseCollectionRecorded(event: LedgerEvent): CollectionRecorded {
  return eventPayload(event, EventNames.WasteCollectionRecorded, {
    collectedAt: shanghaiDateTime('collectedAt'),
    anomalies: anomalyIndexes('anomalies'),
    bagAnomalies: anomalyIndexes('bagAnomalies'),
  });
}

export function parseDeliveryRecorded(event: LedgerEvent): DeliveryRecorded {
  return eventPayload(event, EventNames.WasteDeliveryRecorded, {
    receivedAt: shanghaiDateTime('receivedAt'),
    anomalies: anomalyIndexes('anomalies'),
  });
}
