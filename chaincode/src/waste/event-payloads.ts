// What the waste contract's events carry (answer-shape.ts). The events pass records on whole (the site,
// the load, the delivery, with their stamps and weights); as for answers, a shape lists the fields the
// gateway's index reads and those each emitter names itself, and the rest of a record stays unlisted
// rather than become a reason to quarantine an event.

import { answerShape, listOf, optional } from '../common/answer-shape';
import { RejectedItemShape, ReportedAnomalyShape } from './answers';

export const SiteRegisteredPayload = answerShape('WasteSiteRegisteredPayload', {
  siteId: 'string',
  kind: 'string',
  districtCode: 'string',
  name: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** Not projected; the tolerance in force after SetConfig. */
export const ConfigUpdatedPayload = answerShape('WasteConfigUpdatedPayload', {
  toleranceRatio: 'string',
  toleranceBasisPoints: 'number',
  updatedAt: 'string',
  updatedBy: 'string',
  txId: 'string',
});

/** The batch's bags are `firstSerial` onwards, in barcode order. */
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

/** The per-item outcome every batch event has, besides its anomalies. */
const batchItems = { duplicates: listOf('string'), rejected: listOf(RejectedItemShape) } as const;

export const ScansRecordedPayload = answerShape('WasteScansRecordedPayload', {
  txId: 'string',
  recordedAt: 'string',
  accepted: listOf(AcceptedScanShape),
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
});

/** The load as stored, its own anomalies (weight outside tolerance) and those of single bags. */
export const CollectionRecordedPayload = answerShape('WasteCollectionRecordedPayload', {
  stationId: 'string',
  vehicleId: 'string',
  barcodes: listOf('string'),
  collectedAt: 'string',
  recordedAt: 'string',
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
  bagAnomalies: listOf(ReportedAnomalyShape),
});

/** The delivery as stored and the anomalies of its bags. */
export const DeliveryRecordedPayload = answerShape('WasteDeliveryRecordedPayload', {
  facilityId: 'string',
  vehicleId: 'string',
  barcodes: listOf('string'),
  receivedAt: 'string',
  outcome: 'string',
  recordedAt: 'string',
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
});

/** Not projected yet; the vehicle as registered (status ACTIVE). */
export const VehicleRegisteredPayload = answerShape('WasteVehicleRegisteredPayload', {
  vehicleId: 'string',
  companyUscc: 'string',
  rfidTag: 'string',
  capacityKg: 'number',
  status: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** Not projected yet; the vehicle after retirement. */
export const VehicleRetiredPayload = answerShape('WasteVehicleRetiredPayload', {
  vehicleId: 'string',
  status: 'string',
  retiredAt: 'string',
  retiredBy: 'string',
  txId: 'string',
});

/** Not projected yet; the bin as registered (status ACTIVE). */
export const BinRegisteredPayload = answerShape('WasteBinRegisteredPayload', {
  binId: 'string',
  siteId: 'string',
  rfidTag: 'string',
  category: 'string',
  status: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** Not projected yet; the bin after retirement. */
export const BinRetiredPayload = answerShape('WasteBinRetiredPayload', {
  binId: 'string',
  status: 'string',
  retiredAt: 'string',
  retiredBy: 'string',
  txId: 'string',
});
