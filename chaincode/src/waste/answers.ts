// What the waste contract answers (answer-shape.ts). The batch transactions answer each item on its
// own: accepted, duplicate, rejected (with its code) or accepted with anomalies.

import { answerShape, listOf, optional } from '../common/answer-shape';

/** RegisterSite and GetSite: the stored site. */
export const SiteAnswer = answerShape('SiteAnswer', {
  siteId: 'string',
  kind: 'string',
  districtCode: 'string',
  name: 'string',
  registeredAt: 'string',
  registeredBy: 'string',
});

/** CommissionBags: the batch and the barcodes it issued, in serial order. */
export const CommissionAnswer = answerShape('CommissionAnswer', {
  batchId: 'string',
  barcodes: listOf('string'),
});

export const RejectedItemShape = answerShape('RejectedItem', {
  index: 'number',
  barcode: 'string',
  code: 'string',
  message: 'string',
});

/** An anomaly of an accepted item (index and barcode) or of the batch as a whole. */
export const ReportedAnomalyShape = answerShape('ReportedAnomaly', {
  index: optional('number'),
  barcode: optional('string'),
  type: 'string',
  message: 'string',
});

/** The per-item part every batch answer has. */
const batchItems = {
  accepted: 'number',
  duplicates: listOf('string'),
  rejected: listOf(RejectedItemShape),
  anomalies: listOf(ReportedAnomalyShape),
} as const;

/** RecordScans. */
export const ScansAnswer = answerShape('ScansAnswer', batchItems);

/** RecordCollection: the load, its items, and the declared against the scanned weight. */
export const CollectionAnswer = answerShape('CollectionAnswer', {
  loadId: 'string',
  ...batchItems,
  loadWeightGrams: 'number',
  scannedWeightGrams: 'number',
});

/**
 * RecordDelivery: the items, and the weight that left for the accepted bags (per load, pro-rated by
 * scanned weight) against which the received weight was balanced.
 */
export const DeliveryAnswer = answerShape('DeliveryAnswer', {
  deliveryId: 'string',
  ...batchItems,
  expectedWeightGrams: 'number',
});

/** GetBag: the bag's public trace, its events in order (COMMISSIONED first) and its anomalies. */
export const BagTraceAnswer = answerShape('BagTraceAnswer', {
  barcode: 'string',
  districtCode: 'string',
  category: 'string',
  categoryName: 'string',
  serial: 'number',
  status: 'string',
  outcome: optional('string'),
  events: listOf('object'),
  anomalies: listOf('object'),
});

/** SetConfig and GetConfig: the load-weight tolerance in force. */
export const WasteConfigAnswer = answerShape('WasteConfigAnswer', {
  toleranceRatio: 'string',
  toleranceBasisPoints: 'number',
  arrivalDeadlineMinutes: 'number',
  updatedAt: 'string',
  updatedBy: 'string',
});

/** RegisterVehicle, RetireVehicle and GetVehicle: the stored vehicle. */
export const VehicleAnswer = answerShape('VehicleAnswer', {
  vehicleId: 'string',
  companyUscc: 'string',
  rfidTag: 'string',
  capacityKg: 'number',
  status: 'string',
  registeredAt: 'string',
  registeredBy: 'string',
  retiredAt: optional('string'),
  retiredBy: optional('string'),
});

/** RegisterBin, RetireBin and GetBin: the stored bin. */
export const BinAnswer = answerShape('BinAnswer', {
  binId: 'string',
  siteId: 'string',
  rfidTag: 'string',
  category: 'string',
  status: 'string',
  registeredAt: 'string',
  registeredBy: 'string',
  retiredAt: optional('string'),
  retiredBy: optional('string'),
});

/** RecordRoute and GetRoute: a vehicle's planned sites for one day, in order. */
export const RouteAnswer = answerShape('RouteAnswer', {
  vehicleId: 'string',
  day: 'string',
  siteIds: listOf('string'),
  revision: 'number',
  recordedAt: 'string',
  recordedBy: 'string',
});

/** CorrectLoadWeight: a person's correction of a load's weighing, beside the original. */
export const CorrectionAnswer = answerShape('CorrectionAnswer', {
  correctionId: 'string',
  loadId: 'string',
  originalWeightGrams: 'number',
  correctedWeightGrams: 'number',
  reason: 'string',
  correctedAt: 'string',
  correctedBy: 'string',
  correctedById: 'string',
  correctedByRole: 'string',
});

/** Who signed a weighing: a person or a device, by certificate. */
export const ReporterShape = answerShape('Reporter', {
  mspId: 'string',
  id: 'string',
  role: 'string',
  device: 'boolean',
});

/** GetLoad: the load as recorded (never changed) and every correction of its weight since. */
export const LoadAnswer = answerShape('LoadAnswer', {
  loadId: 'string',
  vehicleId: 'string',
  stationId: 'string',
  siteKind: 'string',
  hop: 'number',
  collectedAt: 'string',
  barcodes: listOf('string'),
  loadWeightGrams: 'number',
  scannedWeightGrams: 'number',
  toleranceRatio: 'string',
  anomalies: listOf('object'),
  reportedBy: optional(ReporterShape),
  recordedAt: 'string',
  corrections: listOf(CorrectionAnswer),
  /** The latest correction's weight, or the weighing's. */
  effectiveWeightGrams: 'number',
});
