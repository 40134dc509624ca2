// An anomaly about an event the chaincode refused: an event after the bag's final outcome. Refused
// events leave no step key, so the anomaly gets its own write-once key
// `waste-anomaly/<barcode>/<txId>/<index>` — unique per transaction and item, never a shared list.
// (Anomalies of accepted events live inside the event record itself.)

import { type AnomalyType, AnomalyTypes, type BagStep, BagStepNames } from './domain';
import { StoredReader } from './stored';

export interface WasteAnomalyRecord {
  readonly barcode: string;
  readonly type: AnomalyType;
  readonly message: string;
  /** The step that was attempted. */
  readonly attemptedStep: BagStep;
  readonly siteId: string;
  /** Device time of the refused event. */
  readonly at: string;
  readonly txId: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export function parseStoredAnomaly(raw: unknown): WasteAnomalyRecord {
  const reader = new StoredReader(raw, 'waste anomaly');
  return {
    barcode: reader.string('barcode'),
    type: reader.oneOf('type', Object.values(AnomalyTypes)),
    message: reader.string('message'),
    attemptedStep: reader.oneOf('attemptedStep', BagStepNames),
    siteId: reader.string('siteId'),
    at: reader.string('at'),
    txId: reader.string('txId'),
    recordedAt: reader.string('recordedAt'),
    recordedBy: reader.string('recordedBy'),
  };
}
