// Readers of the waste events the index projects (chaincode/README.md, "Events"). Our chaincode writes
// them, so a mismatch is a format disagreement: MalformedEventError, and the listener quarantines the
// event (visibly, with its payload) rather than project half of it or retry it for ever.

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { payloadObject } from '../../index-db/projection/payload';
import { PayloadReader } from '../../index-db/projection/payload-reader';
import { payloadDay } from './shanghai-day';

export interface ProjectedScan {
  readonly barcode: string;
  readonly stationId: string;
  readonly scannedAt: string;
  readonly day: string;
  readonly weightGrams: number;
  readonly quality: string;
  readonly category: string | undefined;
  readonly districtCode: string;
  readonly bagCategory: string;
}

export interface ProjectedAnomaly {
  readonly index: number | undefined;
  readonly barcode: string | undefined;
  readonly type: string;
  readonly message: string;
}

export interface ScansRecordedEvent {
  readonly txId: string;
  readonly recordedAt: string;
  readonly accepted: readonly ProjectedScan[];
  readonly anomalies: readonly ProjectedAnomaly[];
}

export interface SiteRegisteredEvent {
  readonly siteId: string;
  readonly kind: string;
  readonly districtCode: string;
  readonly name: string;
  readonly registeredAt: string;
}

export function parseScansRecorded(event: LedgerEvent): ScansRecordedEvent {
  const payload = payloadObject(event);
  const reader = new PayloadReader();
  const txId = reader.string(payload, 'txId');
  const recordedAt = reader.string(payload, 'recordedAt');
  const accepted = reader.objects(payload, 'accepted').map((scan, i): ProjectedScan => {
    const where = `accepted.${i}.`;
    const scannedAt = reader.string(scan, 'scannedAt', where);
    return {
      barcode: reader.string(scan, 'barcode', where),
      stationId: reader.string(scan, 'stationId', where),
      scannedAt,
      day: payloadDay(reader, scannedAt, `${where}scannedAt`),
      weightGrams: reader.integer(scan, 'weightGrams', where),
      quality: reader.string(scan, 'quality', where),
      category: reader.optionalString(scan, 'category', where),
      districtCode: reader.string(scan, 'districtCode', where),
      bagCategory: reader.string(scan, 'bagCategory', where),
    };
  });
  const anomalies = reader.objects(payload, 'anomalies').map((anomaly, i): ProjectedAnomaly => ({
    index: anomaly.index === undefined ? undefined : reader.integer(anomaly, 'index', `anomalies.${i}.`),
    barcode: reader.optionalString(anomaly, 'barcode', `anomalies.${i}.`),
    type: reader.string(anomaly, 'type', `anomalies.${i}.`),
    message: reader.string(anomaly, 'message', `anomalies.${i}.`),
  }));
  payloadDay(reader, recordedAt, 'recordedAt');
  if (txId !== '' && txId !== event.transactionId) {
    reader.problems.push(`txId ${txId} differs from the event's transaction ${event.transactionId}`);
  }
  reader.finish(event);
  return { txId, recordedAt, accepted, anomalies };
}

export function parseSiteRegistered(event: LedgerEvent): SiteRegisteredEvent {
  const payload = payloadObject(event);
  const reader = new PayloadReader();
  const site = {
    siteId: reader.string(payload, 'siteId'),
    kind: reader.string(payload, 'kind'),
    districtCode: reader.string(payload, 'districtCode'),
    name: reader.string(payload, 'name'),
    registeredAt: reader.string(payload, 'registeredAt'),
  };
  reader.finish(event);
  return site;
}
