// What the waste contract's events carry (answer-shape.ts). The events pass records on whole (the site,
// the load, the delivery, with their stamps and weights); as for answers, a shape lists the fields the
// gateway's index reads and those each emitter names itself, and the rest of a record stays unlisted
// rather than become a reason to quarantine an event.

import { answerShape, listOf, optional } from '../common/answer-shape';
import { CorrectionAnswer, RejectedItemShape, ReporterShape, ReportedAnomalyShape } from './answers';

export const SiteRegisteredPayload = answerShape('WasteSiteRegisteredPayload', {
  siteId: 'string',
  kind: 'string',
  districtCode: 'string',
  name: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** The tolerance and arrival deadline in force after SetConfig. */
export const ConfigUpdatedPayload = answerShape('WasteConfigUpdatedPayload', {
  toleranceRatio: 'string',
  toleranceBasisPoints: 'number',
  arrivalDeadlineMinutes: 'number',
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
  /** The registered bin the bag was taken from, when the scanner read one. */
  binId: optional('string'),
  districtCode: 'string',
  bagCategory: 'string',
});

/** The per-item outcome every batch event has, besides its anomalies. */
const batchItems = { duplicates: listOf('string'), rejected: listOf(RejectedItemShape) } as const;

export const ScansRecordedPayload = answerShape('WasteScansRecordedPayload', {
  txId: 'string',
  recordedAt: 'string',
  /** Absent on events emitted before reporters were kept. */
  reportedBy: optional(ReporterShape),
  accepted: listOf(AcceptedScanShape),
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
});

/**
 * The load as stored, its own anomalies (weight, capacity, route) and those of single bags. Events
 * emitted before the transfer hop existed lack siteKind/hop (a STATION, hop 1) and reportedBy.
 */
export const CollectionRecordedPayload = answerShape('WasteCollectionRecordedPayload', {
  loadId: 'string',
  stationId: 'string',
  siteKind: optional('string'),
  hop: optional('number'),
  vehicleId: 'string',
  barcodes: listOf('string'),
  collectedAt: 'string',
  loadWeightGrams: 'number',
  scannedWeightGrams: 'number',
  reportedBy: optional(ReporterShape),
  recordedAt: 'string',
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
  bagAnomalies: listOf(ReportedAnomalyShape),
});

/** Which loads the arriving bags came on, and how many of each. */
export const ArrivedLoadShape = answerShape('ArrivedLoad', { loadId: 'string', bags: 'number' });

/**
 * The delivery as stored and the anomalies of its bags and of the whole delivery. At a TRANSFER site
 * it is an arrival (no outcome). Events emitted before the transfer hop existed lack siteKind (a
 * FACILITY), the weights balance and reportedBy.
 */
export const DeliveryRecordedPayload = answerShape('WasteDeliveryRecordedPayload', {
  deliveryId: 'string',
  facilityId: 'string',
  siteKind: optional('string'),
  vehicleId: 'string',
  barcodes: listOf('string'),
  receivedAt: 'string',
  outcome: optional('string'),
  receivedWeightGrams: 'number',
  expectedWeightGrams: optional('number'),
  arrivedLoads: optional(listOf(ArrivedLoadShape)),
  reportedBy: optional(ReporterShape),
  recordedAt: 'string',
  ...batchItems,
  anomalies: listOf(ReportedAnomalyShape),
});

/** The vehicle as registered (status ACTIVE). */
export const VehicleRegisteredPayload = answerShape('WasteVehicleRegisteredPayload', {
  vehicleId: 'string',
  companyUscc: 'string',
  rfidTag: 'string',
  capacityKg: 'number',
  status: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** The vehicle after retirement. */
export const VehicleRetiredPayload = answerShape('WasteVehicleRetiredPayload', {
  vehicleId: 'string',
  status: 'string',
  retiredAt: 'string',
  retiredBy: 'string',
  txId: 'string',
});

/** The bin as registered (status ACTIVE). */
export const BinRegisteredPayload = answerShape('WasteBinRegisteredPayload', {
  binId: 'string',
  siteId: 'string',
  rfidTag: 'string',
  category: 'string',
  status: 'string',
  registeredAt: 'string',
  txId: 'string',
});

/** The bin after retirement. */
export const BinRetiredPayload = answerShape('WasteBinRetiredPayload', {
  binId: 'string',
  status: 'string',
  retiredAt: 'string',
  retiredBy: 'string',
  txId: 'string',
});

/** A vehicle's planned route for a day, as recorded (a later revision replaces it). */
export const RouteRecordedPayload = answerShape('WasteRouteRecordedPayload', {
  vehicleId: 'string',
  day: 'string',
  siteIds: listOf('string'),
  revision: 'number',
  recordedAt: 'string',
  recordedBy: 'string',
  txId: 'string',
});

/** A person's correction of a load's weighing; the load itself is unchanged. */
export const LoadWeightCorrectedPayload = answerShape('WasteLoadWeightCorrectedPayload', {
  ...CorrectionAnswer.fields,
  txId: 'string',
});
