// What the waste contract's events carry (answer-shape.ts), as the gateway's index reads them. Each
// batch event carries the accepted items and the batch's anomalies; records passed on whole carry more
// fields than listed here (the stamp's recordedBy, weights), which the index does not read.

import { answerShape, listOf, optional } from '../common/answer-shape';
import { RejectedItemShape, ReportedAnomalyShape } from './answers';

export const SiteRegisteredPayload = answerShape('WasteSiteRegisteredPayload', {
  siteId: 'string',
  kind: 'string',
  districtCode: 'string',
  name: 'string',
  registeredAt: 'string',
  registeredBy: 'string',
  txId: 'string',
});

export const ConfigUpdatedPayload = answerShape('WasteConfigUpdatedPayload', {
  toleranceRatio: 'string',
  toleranceBasisPoints: 'number',
  updatedAt: 'string',
  updatedBy: 'string',
  txId: 'string',
});

export const BagsCommissionedPayload = answerShape('WasteBagsCommissionedPayload', {
  batchId: 'string',
  barcodes: listOf('string'),
  districtCode: 'string',
  category: 'string',
  firstSerial: 'number',
  householdHash: 'string',
  commissionedAt: 'string',
  commissionedBy: 'string',
  txId: 'string',
});

/** A scan the batch accepted, with the bag's district and category. */
export const AcceptedScanShape = answerShape('AcceptedScan', {
  barcode: 'string',
  stationId: 'string',
  scannedAt: 'string',
  weightGrams: 'number',
  quality: 'string',
  category: optional('string'),
  districtCode: 'string',
  bagCategory: 'string',
});

/** The stamp and per-item outcome every batch event has. */
const batchItems = {
  txId: 'string',
  recordedAt: 'string',
  recordedBy: 'string',
  duplicates: listOf('string'),
  rejected: listOf(RejectedItemShape),
  anomalies: listOf(ReportedAnomalyShape),
} as const;

export const ScansRecordedPayload = answerShape('WasteScansRecordedPayload', {
  ...batchItems,
  accepted: listOf(AcceptedScanShape),
});

/** The load as stored, its own anomalies (weight outside tolerance) and those of single bags. */
export const CollectionRecordedPayload = answerShape('WasteCollectionRecordedPayload', {
  ...batchItems,
  loadId: 'string',
  vehicleId: 'string',
  stationId: 'string',
  collectedAt: 'string',
  barcodes: listOf('string'),
  loadWeightGrams: 'number',
  scannedWeightGrams: 'number',
  toleranceRatio: 'string',
  bagAnomalies: listOf(ReportedAnomalyShape),
});

export const DeliveryRecordedPayload = answerShape('WasteDeliveryRecordedPayload', {
  ...batchItems,
  deliveryId: 'string',
  facilityId: 'string',
  vehicleId: 'string',
  barcodes: listOf('string'),
  outcome: 'string',
  receivedAt: 'string',
});
