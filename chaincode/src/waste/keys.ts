// The key layout of the waste contract (explained in chaincode/README.md). Every key is derived from a
// natural identifier of the thing it describes — a site id, a barcode, a transaction id — so two
// transactions touch the same key only when they are about the same site or the same bag. There is no
// counter, list or aggregate that every transaction would update.

import { type Context } from 'fabric-contract-api';
import { RecordTypes, recordKey } from '../common/ledger';
import { type BagStep, BagSteps } from './domain';

export function siteKey(ctx: Context, siteId: string): string {
  return recordKey(ctx, RecordTypes.WasteSite, siteId);
}

export function bagKey(ctx: Context, barcode: string): string {
  return recordKey(ctx, RecordTypes.WasteBag, barcode);
}

export function bagEventKey(ctx: Context, barcode: string, step: BagStep): string {
  return recordKey(ctx, RecordTypes.WasteBagEvent, barcode, BagSteps[step]);
}

export function anomalyKey(ctx: Context, barcode: string, txId: string, index: number): string {
  return recordKey(ctx, RecordTypes.WasteAnomaly, barcode, txId, String(index));
}

export function loadKey(ctx: Context, txId: string): string {
  return recordKey(ctx, RecordTypes.WasteLoad, txId);
}

export function deliveryKey(ctx: Context, txId: string): string {
  return recordKey(ctx, RecordTypes.WasteDelivery, txId);
}

/** The single configuration record; read by collections, written only by an inspector. */
export function configKey(ctx: Context): string {
  return recordKey(ctx, RecordTypes.WasteConfig, 'current');
}

/** Private (urbanPrivate) household record of a commissioning batch, named by its first barcode. */
export function householdKey(ctx: Context, batchId: string): string {
  return recordKey(ctx, RecordTypes.WasteHousehold, batchId);
}

export function vehicleKey(ctx: Context, vehicleId: string): string {
  return recordKey(ctx, RecordTypes.WasteVehicle, vehicleId);
}

/** The planned route of one vehicle on one day (Asia/Shanghai), replaced when re-planned. */
export function routeKey(ctx: Context, vehicleId: string, day: string): string {
  return recordKey(ctx, RecordTypes.WasteRoute, vehicleId, day);
}

/** A person's correction of a load's weight, one write-once key per correcting transaction. */
export function loadCorrectionKey(ctx: Context, loadId: string, txId: string): string {
  return recordKey(ctx, RecordTypes.WasteLoadCorrection, loadId, txId);
}

export function binKey(ctx: Context, binId: string): string {
  return recordKey(ctx, RecordTypes.WasteBin, binId);
}
