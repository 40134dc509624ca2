// A load: the bags one vehicle took from one site in one transaction (a station on the first hop, a
// transfer station on the second), with the truck's weighing. Stored once under its transaction id and
// never changed; a person's correction of the weight is its own record (load-correction.ts).

import { type Context } from 'fabric-contract-api';
import { NotFoundError, ValidationError } from '../common/errors';
import { getRecord, listRecords, RecordTypes } from '../common/ledger';
import { type AnomalyNote, LOAD_ID_PATTERN, LOAD_ID_RULE, type SiteKind, SiteKinds } from './domain';
import { isJsonObject } from './input';
import { loadKey } from './keys';
import { type LoadCorrection, parseStoredCorrection } from './load-correction';
import { type Reporter } from './reporter';
import { StoredReader } from './stored';

export interface WasteLoad {
  readonly loadId: string;
  readonly vehicleId: string;
  /** The site the load left: a STATION (hop 1) or a TRANSFER station (hop 2). */
  readonly stationId: string;
  readonly siteKind: SiteKind;
  readonly hop: number;
  readonly collectedAt: string;
  readonly barcodes: readonly string[];
  readonly loadWeightGrams: number;
  readonly scannedWeightGrams: number;
  readonly toleranceRatio: string;
  readonly anomalies: readonly AnomalyNote[];
  /** Absent on loads recorded before reporters were kept. */
  readonly reportedBy?: Reporter;
  readonly txId: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export function parseStoredLoad(raw: unknown): WasteLoad {
  const reader = new StoredReader(raw, 'waste load');
  const barcodes = isJsonObject(raw) ? raw.barcodes : undefined;
  if (!Array.isArray(barcodes) || !barcodes.every((barcode) => typeof barcode === 'string')) {
    throw new Error('stored waste load is invalid: field barcodes');
  }
  const reportedBy = isJsonObject(raw) && isJsonObject(raw.reportedBy) ? raw.reportedBy : undefined;
  return {
    loadId: reader.string('loadId'),
    vehicleId: reader.string('vehicleId'),
    stationId: reader.string('stationId'),
    // Loads recorded before the transfer hop existed all left a station.
    siteKind: reader.optionalOneOf('siteKind', SiteKinds) ?? 'STATION',
    hop: reader.optionalInteger('hop') ?? 1,
    collectedAt: reader.string('collectedAt'),
    barcodes: barcodes,
    loadWeightGrams: reader.integer('loadWeightGrams'),
    scannedWeightGrams: reader.integer('scannedWeightGrams'),
    toleranceRatio: reader.string('toleranceRatio'),
    anomalies: reader.anomalies('anomalies'),
    ...(reportedBy === undefined ? {} : { reportedBy: parseReporter(reportedBy) }),
    txId: reader.string('txId'),
    recordedAt: reader.string('recordedAt'),
    recordedBy: reader.string('recordedBy'),
  };
}

function parseReporter(raw: unknown): Reporter {
  const reader = new StoredReader(raw, 'waste load reporter');
  const device = isJsonObject(raw) ? raw.device : undefined;
  if (typeof device !== 'boolean') {
    throw new Error('stored waste load reporter is invalid: field device');
  }
  return { mspId: reader.string('mspId'), id: reader.string('id'), role: reader.string('role'), device };
}

export async function readLoad(ctx: Context, loadId: string): Promise<WasteLoad | undefined> {
  return getRecord(ctx, loadKey(ctx, loadId), parseStoredLoad);
}

/** The load, or VALIDATION_FAILED for a malformed id and NOT_FOUND for an unknown one. */
export async function requireLoad(ctx: Context, loadId: unknown): Promise<WasteLoad> {
  if (typeof loadId !== 'string' || !LOAD_ID_PATTERN.test(loadId)) {
    throw new ValidationError('invalid load id', [{ field: 'loadId', message: LOAD_ID_RULE }]);
  }
  const load = await readLoad(ctx, loadId);
  if (load === undefined) {
    throw new NotFoundError(`load ${loadId} not found`);
  }
  return load;
}

/** A load's corrections, oldest first (by when the ledger recorded them). */
export async function loadCorrections(ctx: Context, loadId: string): Promise<LoadCorrection[]> {
  const stored = await listRecords(ctx, RecordTypes.WasteLoadCorrection, [loadId], parseStoredCorrection);
  return stored
    .map(({ record }) => record)
    .sort((a, b) => (a.correctedAt < b.correctedAt ? -1 : a.correctedAt > b.correctedAt ? 1 : 0));
}

/** The weight in force: the latest correction's, or the weighing's when nobody corrected it. */
export function effectiveWeight(load: WasteLoad, corrections: readonly LoadCorrection[]): number {
  return corrections[corrections.length - 1]?.correctedWeightGrams ?? load.loadWeightGrams;
}
