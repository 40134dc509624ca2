// RecordCollection: a hauler loads bags at a station onto a vehicle. Each bag must have been collected
// (scanned) and not yet loaded; the load record compares the truck's weight with the sum of the bags'
// scanned weights and flags LOAD_WEIGHT_MISMATCH beyond the configured tolerance.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putRecord, withBatchedWrites } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type WasteBagEvent } from './bag-event';
import { BatchOutcome, type TransactionStamp } from './batch';
import { WasteConfig } from './config';
import {
  type AnomalyNote,
  AnomalyTypes,
  ItemCodes,
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  VEHICLE_ID_PATTERN,
  VEHICLE_ID_RULE,
} from './domain';
import { FieldReader, parseJsonObjectArgument } from './input';
import { configKey, loadKey } from './keys';
import { readBagEvent } from './ledger-reads';
import { barcodeOrReject, commissionedNewBag, isRepeat, prefetchBags } from './item-checks';
import { requireSiteOfKind } from './site-check';
import { putBagEvent } from './write';
import { type AnswerValue } from '../common/answer-shape';
import { type CollectionAnswer } from './answers';

interface CollectionInput {
  readonly vehicleId: string;
  readonly stationId: string;
  readonly barcodes: readonly unknown[];
  readonly loadWeightGrams: number;
  readonly collectedAt: string;
}

export type CollectionResult = AnswerValue<typeof CollectionAnswer>;

/** The per-bag reads go to the peer ahead in a few messages, the writes after it in a few more. */
export async function recordCollection(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<CollectionResult> {
  return withBatchedWrites(ctx, () => collect(ctx, submitter, json));
}

async function collect(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<CollectionResult> {
  const input = parseCollection(json);
  await requireSiteOfKind(ctx, 'stationId', input.stationId, ['STATION']);
  const stamp: TransactionStamp = {
    txId: ctx.stub.getTxID(),
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  await prefetchBags(ctx, input.barcodes, ['COLLECTED', 'LOADED']);
  const outcome = new BatchOutcome();
  const collected: WasteBagEvent[] = [];
  for (const [index, raw] of input.barcodes.entries()) {
    const scan = await checkLoadable(ctx, stamp, outcome, index, raw, input);
    if (scan !== undefined) {
      collected.push(scan);
      outcome.acceptedBarcodes.add(scan.barcode);
    }
  }

  const loadId = stamp.txId;
  const barcodes = collected.map((scan) => scan.barcode);
  const scannedWeightGrams = collected.reduce((sum, scan) => sum + (scan.weightGrams ?? 0), 0);
  const config =
    (await getRecord(ctx, configKey(ctx), (raw) => WasteConfig.fromStored(raw))) ?? WasteConfig.defaults();
  const loadAnomalies: AnomalyNote[] = [];
  if (barcodes.length > 0 && config.exceedsTolerance(input.loadWeightGrams, scannedWeightGrams)) {
    loadAnomalies.push({
      type: AnomalyTypes.LoadWeightMismatch,
      message:
        `vehicle ${input.vehicleId} load ${input.loadWeightGrams} g differs from the ${barcodes.length} bags' ` +
        `scanned ${scannedWeightGrams} g by more than ${config.toleranceRatio}`,
    });
    loadAnomalies.forEach((anomaly) => outcome.anomalies.push(anomaly));
  }
  // Nothing accepted (all duplicates or refused): no load to record, so a resent request adds nothing.
  const load = {
    loadId,
    vehicleId: input.vehicleId,
    stationId: input.stationId,
    collectedAt: input.collectedAt,
    barcodes,
    loadWeightGrams: input.loadWeightGrams,
    scannedWeightGrams,
    toleranceRatio: config.toleranceRatio,
    anomalies: loadAnomalies,
    ...stamp,
  };
  if (barcodes.length > 0) {
    await putRecord(ctx, loadKey(ctx, loadId), load);
  }
  for (const barcode of barcodes) {
    const event: WasteBagEvent = {
      barcode,
      step: 'LOADED',
      at: input.collectedAt,
      siteId: input.stationId,
      ...stamp,
      anomalies: loadAnomalies,
      vehicleId: input.vehicleId,
      loadId,
    };
    await putBagEvent(ctx, event);
  }
  emitEvent(ctx, EventNames.WasteCollectionRecorded, {
    ...load,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    bagAnomalies: outcome.anomalies.filter((anomaly) => anomaly.barcode !== undefined),
  });
  return {
    loadId,
    accepted: barcodes.length,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    anomalies: outcome.anomalies,
    loadWeightGrams: input.loadWeightGrams,
    scannedWeightGrams,
  };
}

function parseCollection(json: string): CollectionInput {
  const reader = new FieldReader(parseJsonObjectArgument(json, 'collection'));
  const input = {
    vehicleId: reader.string('vehicleId', VEHICLE_ID_PATTERN, VEHICLE_ID_RULE),
    stationId: reader.string('stationId', SITE_ID_PATTERN, SITE_ID_RULE),
    barcodes: reader.array('barcodes', MAX_BATCH_ITEMS),
    loadWeightGrams: reader.integer('loadWeightGrams', 1, MAX_LOAD_WEIGHT_GRAMS),
    collectedAt: reader.isoDateTime('collectedAt'),
  };
  reader.throwIfInvalid('collection');
  return input;
}

/** The bag's COLLECTED event when it may be loaded now; otherwise records why not and returns undefined. */
async function checkLoadable(
  ctx: Context,
  stamp: TransactionStamp,
  outcome: BatchOutcome,
  index: number,
  raw: unknown,
  input: CollectionInput,
): Promise<WasteBagEvent | undefined> {
  const barcode = barcodeOrReject(outcome, index, raw);
  if (barcode === undefined) {
    return undefined;
  }
  if ((await commissionedNewBag(ctx, outcome, index, barcode)) === undefined) {
    return undefined;
  }
  const attempt = { index, barcode, step: 'LOADED' as const, siteId: input.stationId, at: input.collectedAt };
  if (await isRepeat(ctx, stamp, outcome, attempt)) {
    return undefined;
  }
  const collected = await readBagEvent(ctx, barcode, 'COLLECTED');
  if (collected === undefined) {
    outcome.reject(
      index,
      barcode,
      ItemCodes.OutOfOrder,
      `bag ${barcode} cannot be loaded before it is collected (scanned at a station)`,
    );
    return undefined;
  }
  return collected;
}
