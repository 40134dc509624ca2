// RecordDelivery: a vehicle arrives at a transfer station or a treatment facility. At a transfer
// station the bags arrive (TRANSFER_ARRIVED) and will leave again on another vehicle; only a facility
// records the final outcome (DELIVERED). Each bag must be on a vehicle; one that arrives on another
// vehicle than it left on is accepted and flagged HOP_SKIPPED (a transfer between them went
// unrecorded). What arrived is weighed against what left: per load, the load's weight (as corrected)
// pro-rated by the scanned weights of its bags that arrive here; beyond the tolerance the delivery is
// flagged HOP_WEIGHT_MISMATCH. A delivery after the final outcome is refused for that bag and
// recorded as an AFTER_FINAL_OUTCOME anomaly.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter, deviceBinding } from '../common/access';
import { ForbiddenError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { putRecord, withBatchedWrites } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type AnswerValue } from '../common/answer-shape';
import { type DeliveryAnswer } from './answers';
import { type WasteBagEvent } from './bag-event';
import { POSITION_STEPS, bagPosition, scannedWeight } from './bag-position';
import { BatchOutcome, type TransactionStamp } from './batch';
import { type DeliveryInput, parseDelivery, requireOutcomeFitsSite } from './delivery-input';
import { type AnomalyNote, AnomalyTypes, type BagStep, ItemCodes } from './domain';
import { expectedArrivalWeight, type ArrivingBag } from './hop-balance';
import { deliveryKey } from './keys';
import { readBagEvent, readConfig } from './ledger-reads';
import { barcodeOrReject, commissionedNewBag, isRepeat, prefetchBags } from './item-checks';
import { reporterOf } from './reporter';
import { requireSiteOfKind } from './site-check';
import { type WasteSite } from './site';
import { requireActiveVehicle } from './vehicle-registry';
import { putBagEvent } from './write';

export type DeliveryResult = AnswerValue<typeof DeliveryAnswer>;

/** The per-bag reads go to the peer ahead in a few messages, the writes after it in a few more. */
export async function recordDelivery(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<DeliveryResult> {
  return withBatchedWrites(ctx, () => deliver(ctx, submitter, json));
}

async function deliver(ctx: Context, submitter: AuthorisedSubmitter, json: string): Promise<DeliveryResult> {
  const input = parseDelivery(json);
  const binding = deviceBinding(ctx, submitter);
  const site = await requireSiteOfKind(ctx, 'facilityId', input.facilityId, ['TRANSFER', 'FACILITY']);
  requireOutcomeFitsSite(input, site.kind);
  if (binding?.kind === 'site' && binding.siteId !== input.facilityId) {
    throw new ForbiddenError(`this device belongs to site ${binding.siteId}`, [
      { field: 'facilityId', message: `a device may only report for its own site ${binding.siteId}` },
    ]);
  }
  await requireActiveVehicle(ctx, 'vehicleId', input.vehicleId);
  const step: BagStep = site.kind === 'TRANSFER' ? 'TRANSFER_ARRIVED' : 'DELIVERED';
  const stamp: TransactionStamp = {
    txId: ctx.stub.getTxID(),
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  await prefetchBags(ctx, input.barcodes, POSITION_STEPS);
  const outcome = new BatchOutcome();
  const arriving: (ArrivingBag & { anomalies: AnomalyNote[] })[] = [];
  for (const [index, raw] of input.barcodes.entries()) {
    const bag = await checkArriving(ctx, stamp, outcome, { index, raw, step, site, input });
    if (bag !== undefined) {
      arriving.push(bag);
      outcome.acceptedBarcodes.add(bag.barcode);
      bag.anomalies.forEach((anomaly) => outcome.anomalies.push({ index, barcode: bag.barcode, ...anomaly }));
    }
  }

  const deliveryId = stamp.txId;
  const barcodes = arriving.map((bag) => bag.barcode);
  const balance = await expectedArrivalWeight(ctx, arriving);
  const config = await readConfig(ctx);
  const deliveryAnomalies: AnomalyNote[] = [];
  if (
    barcodes.length > 0 &&
    config.exceedsTolerance(input.receivedWeightGrams, balance.expectedWeightGrams)
  ) {
    deliveryAnomalies.push({
      type: AnomalyTypes.HopWeightMismatch,
      message:
        `${input.receivedWeightGrams} g arrived at ${input.facilityId} on ${input.vehicleId}; ` +
        `${balance.expectedWeightGrams} g of these ${barcodes.length} bags left ` +
        `(${balance.loads.length} load(s)): more than ${config.toleranceRatio} apart`,
    });
    deliveryAnomalies.forEach((anomaly) => outcome.anomalies.push(anomaly));
  }
  const reportedBy = reporterOf(submitter);
  const delivery = {
    deliveryId,
    facilityId: input.facilityId,
    siteKind: site.kind,
    vehicleId: input.vehicleId,
    barcodes,
    receivedWeightGrams: input.receivedWeightGrams,
    expectedWeightGrams: balance.expectedWeightGrams,
    arrivedLoads: balance.loads,
    outcome: input.outcome,
    recoveredWeightGrams: input.recoveredWeightGrams,
    receivedAt: input.receivedAt,
    anomalies: deliveryAnomalies,
    reportedBy,
    ...stamp,
  };
  if (barcodes.length > 0) {
    await putRecord(ctx, deliveryKey(ctx, deliveryId), delivery);
  }
  for (const bag of arriving) {
    const event: WasteBagEvent = {
      barcode: bag.barcode,
      step,
      at: input.receivedAt,
      siteId: input.facilityId,
      ...stamp,
      anomalies: [...bag.anomalies, ...deliveryAnomalies],
      vehicleId: input.vehicleId,
      deliveryId,
      outcome: input.outcome,
      reporterRole: reportedBy.role,
    };
    await putBagEvent(ctx, event);
  }
  emitEvent(ctx, EventNames.WasteDeliveryRecorded, {
    ...delivery,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    anomalies: outcome.anomalies,
  });
  return {
    deliveryId,
    accepted: barcodes.length,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    anomalies: outcome.anomalies,
    expectedWeightGrams: balance.expectedWeightGrams,
  };
}

interface ArrivalItem {
  readonly index: number;
  readonly raw: unknown;
  readonly step: BagStep;
  readonly site: WasteSite;
  readonly input: DeliveryInput;
}

/** The arriving bag, its leg and its own anomalies; otherwise records why it is refused. */
async function checkArriving(
  ctx: Context,
  stamp: TransactionStamp,
  outcome: BatchOutcome,
  item: ArrivalItem,
): Promise<(ArrivingBag & { anomalies: AnomalyNote[] }) | undefined> {
  const { index, step, site, input } = item;
  const barcode = barcodeOrReject(outcome, index, item.raw);
  if (barcode === undefined || (await commissionedNewBag(ctx, outcome, index, barcode)) === undefined) {
    return undefined;
  }
  const attempt = { index, barcode, step, siteId: site.siteId, at: input.receivedAt };
  if (step === 'TRANSFER_ARRIVED') {
    const earlier = await readBagEvent(ctx, barcode, 'TRANSFER_ARRIVED');
    if (earlier !== undefined && earlier.siteId !== site.siteId) {
      outcome.reject(
        index,
        barcode,
        ItemCodes.SecondTransfer,
        `bag ${barcode} already passed through transfer station ${earlier.siteId}; a bag makes one transfer hop`,
      );
      return undefined;
    }
  }
  if (await isRepeat(ctx, stamp, outcome, attempt)) {
    return undefined;
  }
  const position = await bagPosition(ctx, barcode);
  if (position.kind === 'DELIVERED') {
    await outcome.afterFinalOutcome(ctx, stamp, attempt, position.delivered);
    return undefined;
  }
  if (position.kind !== 'ON_VEHICLE') {
    const message =
      position.kind === 'AT_TRANSFER'
        ? `bag ${barcode} is at transfer station ${position.arrival.siteId}; record it leaving there first`
        : `bag ${barcode} cannot be delivered before it is loaded onto a vehicle`;
    outcome.reject(index, barcode, ItemCodes.OutOfOrder, message);
    return undefined;
  }
  const { leg } = position;
  const anomalies: AnomalyNote[] = [];
  if (leg.vehicleId !== undefined && leg.vehicleId !== input.vehicleId) {
    anomalies.push({
      type: AnomalyTypes.HopSkipped,
      message: `bag ${barcode} left ${leg.siteId} on ${leg.vehicleId} but arrived on ${input.vehicleId}: no transfer between them was recorded`,
    });
  }
  return { barcode, loadId: leg.loadId ?? '', weightGrams: scannedWeight(position), anomalies };
}
