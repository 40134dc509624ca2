// The public keys the waste contract writes for what its events tell the index, computed from the
// payloads as chaincode/src/waste/keys.ts computes them: the trust check finds each one in the
// transaction's write set. Load, delivery and anomaly keys carry the transaction id (the chaincode's
// loadId / deliveryId is its txId), which is the event's own.

import { AnomalyTypes, BagSteps, RecordTypes } from '../../../../chaincode/src/contract';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { ledgerKey } from '../../index-db/trust/ledger-key';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import {
  type BagsCommissioned,
  type ReportedAnomaly,
  type ScansRecorded,
  type SiteRegistered,
} from './waste-events';
import { type Movement } from './waste-movement-events';

/** RegisterSite: `waste-site / siteId`. */
export function siteKeys(site: Pick<SiteRegistered, 'siteId'>): string[] {
  return [ledgerKey(RecordTypes.WasteSite, site.siteId)];
}

/** CommissionBags: `waste-bag / barcode` for every bag issued. */
export function commissionedKeys(batch: Pick<BagsCommissioned, 'barcodes'>): string[] {
  return batch.barcodes.map((barcode) => ledgerKey(RecordTypes.WasteBag, barcode));
}

/** RecordScans: each accepted bag's `1-COLLECTED` event, and the refused bags' anomaly records. */
export function scansKeys(event: LedgerEvent, scans: ScansRecorded): string[] {
  return [
    ...scans.accepted.map((scan) => ledgerKey(RecordTypes.WasteBagEvent, scan.barcode, BagSteps.COLLECTED)),
    ...anomalyKeys(event, scans.anomalies),
  ];
}

/**
 * RecordCollection / RecordDelivery: the load or delivery record and each bag's step event
 * (`2-LOADED` or `2-T2-TRANSFER_DEPARTED` for a load, `2-T1-TRANSFER_ARRIVED` or `3-DELIVERED` for a
 * delivery), written only when some bag was accepted; and the refused bags' anomaly records.
 */
export function movementKeys(event: LedgerEvent, movement: Movement): string[] {
  const departs = movement.step === 'LOADED' || movement.step === 'TRANSFER_DEPARTED';
  const record = departs ? RecordTypes.WasteLoad : RecordTypes.WasteDelivery;
  const accepted =
    movement.barcodes.length === 0
      ? []
      : [
          ledgerKey(record, event.transactionId),
          ...movement.barcodes.map((barcode) =>
            ledgerKey(RecordTypes.WasteBagEvent, barcode, BagSteps[movement.step]),
          ),
        ];
  return [...accepted, ...anomalyKeys(event, movement.anomalies)];
}

/**
 * An AFTER_FINAL_OUTCOME anomaly is the one stored under a key of its own
 * (`waste-anomaly / barcode / txId / item index`); the others live in the bag event or load record
 * already named. The chaincode always gives it a barcode and an index.
 */
function anomalyKeys(event: LedgerEvent, anomalies: readonly ReportedAnomaly[]): string[] {
  return anomalies
    .filter((anomaly) => anomaly.type === AnomalyTypes.AfterFinalOutcome)
    .map((anomaly) => {
      if (anomaly.barcode === undefined || anomaly.index === undefined) {
        throw new MalformedEventError(event, [`an ${anomaly.type} anomaly names no barcode or item index`]);
      }
      return ledgerKey(RecordTypes.WasteAnomaly, anomaly.barcode, event.transactionId, String(anomaly.index));
    });
}

/** RegisterVehicle / RetireVehicle: `waste-vehicle / plate`. */
export function vehicleKeys(vehicle: { readonly vehicleId: string }): string[] {
  return [ledgerKey(RecordTypes.WasteVehicle, vehicle.vehicleId)];
}

/** RegisterBin / RetireBin: `waste-bin / binId`. */
export function binKeys(bin: { readonly binId: string }): string[] {
  return [ledgerKey(RecordTypes.WasteBin, bin.binId)];
}

/** CorrectLoadWeight: `waste-load-correction / loadId / txId` (the correction id is its txId). */
export function correctionKeys(correction: {
  readonly loadId: string;
  readonly correctionId: string;
}): string[] {
  return [ledgerKey(RecordTypes.WasteLoadCorrection, correction.loadId, correction.correctionId)];
}
