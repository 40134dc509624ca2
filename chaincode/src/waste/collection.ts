// RecordCollection: a vehicle takes bags from a site. At a station (hop 1) each bag must have been
// scanned there and not yet loaded; at a transfer station (hop 2) each bag must have arrived there and
// not yet left. The load record compares the truck's weight with the sum of the bags' scanned weights
// (LOAD_WEIGHT_MISMATCH beyond the configured tolerance), with the vehicle's registered capacity
// (OVER_CAPACITY) and with the vehicle's planned route for the day (OFF_ROUTE). A vehicle's own
// weighing unit may report the load for its vehicle only; the record says which certificate signed it.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter, deviceBinding } from '../common/access';
import { ForbiddenError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { putRecord, withBatchedWrites } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type WasteBagEvent } from './bag-event';
import { POSITION_STEPS, bagPosition, scannedWeight } from './bag-position';
import { BatchOutcome, type TransactionStamp } from './batch';
import {
  type AnomalyNote,
  AnomalyTypes,
  type DepartureStep,
  ItemCodes,
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
} from './domain';
import { FieldReader, parseJsonObjectArgument } from './input';
import { loadKey } from './keys';
import { readConfig } from './ledger-reads';
import { barcodeOrReject, commissionedNewBag, isRepeat, prefetchBags } from './item-checks';
import { type WasteLoad } from './load';
import { shanghaiDay } from './local-day';
import { reporterOf } from './reporter';
import { readRoute } from './route';
import { requireSiteOfKind } from './site-check';
import { type WasteSite } from './site';
import { type WasteVehicle } from './vehicle';
import { requireActiveVehicle } from './vehicle-registry';
import { VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE } from './vehicle-rules';
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
  const binding = deviceBinding(ctx, submitter);
  if (binding?.kind === 'vehicle' && binding.vehicleId !== input.vehicleId) {
    throw new ForbiddenError(`this weighing unit belongs to vehicle ${binding.vehicleId}`, [
      { field: 'vehicleId', message: `a device may only report for its own vehicle ${binding.vehicleId}` },
    ]);
  }
  const site = await requireSiteOfKind(ctx, 'stationId', input.stationId, ['STATION', 'TRANSFER']);
  const vehicle = await requireActiveVehicle(ctx, 'vehicleId', input.vehicleId);
  const step: DepartureStep = site.kind === 'TRANSFER' ? 'TRANSFER_DEPARTED' : 'LOADED';
  const stamp: TransactionStamp = {
    txId: ctx.stub.getTxID(),
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  await prefetchBags(ctx, input.barcodes, POSITION_STEPS);
  const outcome = new BatchOutcome();
  const bags: { barcode: string; weightGrams: number }[] = [];
  for (const [index, raw] of input.barcodes.entries()) {
    const bag = await checkLoadable(ctx, stamp, outcome, { index, raw, step, site, at: input.collectedAt });
    if (bag !== undefined) {
      bags.push(bag);
      outcome.acceptedBarcodes.add(bag.barcode);
    }
  }

  const loadId = stamp.txId;
  const barcodes = bags.map((bag) => bag.barcode);
  const scannedWeightGrams = bags.reduce((sum, bag) => sum + bag.weightGrams, 0);
  const config = await readConfig(ctx);
  const loadAnomalies: AnomalyNote[] = [];
  if (barcodes.length > 0) {
    if (config.exceedsTolerance(input.loadWeightGrams, scannedWeightGrams)) {
      loadAnomalies.push({
        type: AnomalyTypes.LoadWeightMismatch,
        message:
          `vehicle ${input.vehicleId} load ${input.loadWeightGrams} g differs from the ${barcodes.length} bags' ` +
          `scanned ${scannedWeightGrams} g by more than ${config.toleranceRatio}`,
      });
    }
    loadAnomalies.push(...vehicleAnomalies(vehicle, input), ...(await routeAnomalies(ctx, input)));
    loadAnomalies.forEach((anomaly) => outcome.anomalies.push(anomaly));
  }
  const reportedBy = reporterOf(submitter);
  const load: WasteLoad = {
    loadId,
    vehicleId: input.vehicleId,
    stationId: input.stationId,
    siteKind: site.kind,
    hop: site.kind === 'TRANSFER' ? 2 : 1,
    collectedAt: input.collectedAt,
    barcodes,
    loadWeightGrams: input.loadWeightGrams,
    scannedWeightGrams,
    toleranceRatio: config.toleranceRatio,
    anomalies: loadAnomalies,
    reportedBy,
    ...stamp,
  };
  // Nothing accepted (all duplicates or refused): no load to record, so a resent request adds nothing.
  if (barcodes.length > 0) {
    await putRecord(ctx, loadKey(ctx, loadId), load);
  }
  for (const barcode of barcodes) {
    const event: WasteBagEvent = {
      barcode,
      step,
      at: input.collectedAt,
      siteId: input.stationId,
      ...stamp,
      anomalies: loadAnomalies,
      vehicleId: input.vehicleId,
      loadId,
      reporterRole: reportedBy.role,
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
    vehicleId: reader.string('vehicleId', VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE),
    stationId: reader.string('stationId', SITE_ID_PATTERN, SITE_ID_RULE),
    barcodes: reader.array('barcodes', MAX_BATCH_ITEMS),
    loadWeightGrams: reader.integer('loadWeightGrams', 1, MAX_LOAD_WEIGHT_GRAMS),
    collectedAt: reader.isoDateTime('collectedAt'),
  };
  reader.throwIfInvalid('collection');
  return input;
}

function vehicleAnomalies(vehicle: WasteVehicle, input: CollectionInput): AnomalyNote[] {
  const capacityGrams = vehicle.capacityKg * 1000;
  return input.loadWeightGrams > capacityGrams
    ? [
        {
          type: AnomalyTypes.OverCapacity,
          message: `vehicle ${vehicle.vehicleId} load ${input.loadWeightGrams} g exceeds its registered capacity ${vehicle.capacityKg} kg`,
        },
      ]
    : [];
}

async function routeAnomalies(ctx: Context, input: CollectionInput): Promise<AnomalyNote[]> {
  // collectedAt passed isIsoDateTime, so its day can always be told
  const day = shanghaiDay(input.collectedAt) ?? '';
  const route = await readRoute(ctx, input.vehicleId, day);
  if (route === undefined || route.siteIds.includes(input.stationId)) {
    return [];
  }
  return [
    {
      type: AnomalyTypes.OffRoute,
      message: `vehicle ${input.vehicleId} collected at ${input.stationId}, which is not on its route for ${day} (revision ${route.revision}: ${route.siteIds.join(' → ')})`,
    },
  ];
}

interface LoadItem {
  readonly index: number;
  readonly raw: unknown;
  readonly step: DepartureStep;
  readonly site: WasteSite;
  readonly at: string;
}

/** The bag and its scanned weight when it may leave the site now; otherwise records why not. */
async function checkLoadable(
  ctx: Context,
  stamp: TransactionStamp,
  outcome: BatchOutcome,
  item: LoadItem,
): Promise<{ barcode: string; weightGrams: number } | undefined> {
  const { index, step, site } = item;
  const barcode = barcodeOrReject(outcome, index, item.raw);
  if (barcode === undefined || (await commissionedNewBag(ctx, outcome, index, barcode)) === undefined) {
    return undefined;
  }
  const attempt = { index, barcode, step, siteId: site.siteId, at: item.at };
  if (await isRepeat(ctx, stamp, outcome, attempt)) {
    return undefined;
  }
  const position = await bagPosition(ctx, barcode);
  if (position.kind === 'DELIVERED') {
    await outcome.afterFinalOutcome(ctx, stamp, attempt, position.delivered);
    return undefined;
  }
  const refusal = departureRefusal(barcode, site, position);
  if (refusal !== undefined) {
    outcome.reject(index, barcode, ItemCodes.OutOfOrder, refusal);
    return undefined;
  }
  return { barcode, weightGrams: scannedWeight(position) };
}

/** Why the bag cannot leave `site` from where it is, or undefined when it can. */
function departureRefusal(
  barcode: string,
  site: WasteSite,
  position: Awaited<ReturnType<typeof bagPosition>>,
): string | undefined {
  if (site.kind === 'STATION') {
    return position.kind === 'AT_STATION'
      ? undefined
      : `bag ${barcode} cannot be loaded before it is collected (scanned at a station)`;
  }
  if (position.kind === 'AT_TRANSFER') {
    return position.arrival.siteId === site.siteId
      ? undefined
      : `bag ${barcode} is at transfer station ${position.arrival.siteId}, not ${site.siteId}`;
  }
  return `bag ${barcode} cannot leave transfer station ${site.siteId} before it has arrived there`;
}
