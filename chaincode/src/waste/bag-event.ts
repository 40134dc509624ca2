// One step of one bag (collected, loaded, delivered), stored under its own write-once key
// `waste-bag-event/<barcode>/<n-STEP>`. Existence of the key is what makes a repeated scan a duplicate,
// and the key is touched only by transactions about this very bag.

import {
  type AnomalyNote,
  type BagStep,
  BagStepNames,
  Outcomes,
  type Outcome,
  ScanQualities,
  type ScanQuality,
} from './domain';
import { StoredReader } from './stored';

export interface WasteBagEvent {
  readonly barcode: string;
  readonly step: BagStep;
  /** When it happened, as reported by the device (offline backlogs keep their original times). */
  readonly at: string;
  /** Site of the step: the station for COLLECTED and LOADED, the facility for DELIVERED. */
  readonly siteId: string;
  readonly txId: string;
  /** Transaction time: when the ledger learned of it. */
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly anomalies: readonly AnomalyNote[];
  // COLLECTED
  readonly weightGrams?: number;
  readonly quality?: ScanQuality;
  /** Category the station reported, when it reported one. */
  readonly reportedCategory?: string;
  /** The registered bin the bag was taken from, when the scanner read one. */
  readonly binId?: string;
  // LOADED and DELIVERED
  readonly vehicleId?: string;
  /** Id (transaction id) of the load or delivery record the bag belongs to. */
  readonly loadId?: string;
  readonly deliveryId?: string;
  // DELIVERED
  readonly outcome?: Outcome;
  /**
   * The role that reported the step, e.g. vehicle_device for a truck's own weighing (absent on steps
   * recorded before it was kept). The certificate itself is named once per transaction, on the load
   * or delivery record and in the event, not on every bag: a 1000-bag batch stays small.
   */
  readonly reporterRole?: string;
}

export function parseStoredBagEvent(raw: unknown): WasteBagEvent {
  const reader = new StoredReader(raw, 'waste bag event');
  return {
    barcode: reader.string('barcode'),
    step: reader.oneOf('step', BagStepNames),
    at: reader.string('at'),
    siteId: reader.string('siteId'),
    txId: reader.string('txId'),
    recordedAt: reader.string('recordedAt'),
    recordedBy: reader.string('recordedBy'),
    anomalies: reader.anomalies('anomalies'),
    weightGrams: reader.optionalInteger('weightGrams'),
    quality: reader.optionalOneOf('quality', ScanQualities),
    reportedCategory: reader.optionalString('reportedCategory'),
    binId: reader.optionalString('binId'),
    vehicleId: reader.optionalString('vehicleId'),
    loadId: reader.optionalString('loadId'),
    deliveryId: reader.optionalString('deliveryId'),
    outcome: reader.optionalOneOf('outcome', Outcomes),
    reporterRole: reader.optionalString('reporterRole'),
  };
}
