// RecordDelivery: a vehicle arrives at a transfer station or facility and the bags receive their final
// outcome. Each bag must have been loaded and must not already have an outcome; a delivery after the
// final outcome is refused for that bag and recorded as an AFTER_FINAL_OUTCOME anomaly.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { EventNames, emitEvent } from '../common/events';
import { transactionTime } from '../common/transaction-time';
import { type WasteBagEvent } from './bag-event';
import { BatchOutcome, type TransactionStamp } from './batch';
import {
  ItemCodes,
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  type Outcome,
  Outcomes,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  VEHICLE_ID_PATTERN,
  VEHICLE_ID_RULE,
} from './domain';
import { FieldReader, parseJsonObjectArgument } from './input';
import { deliveryKey } from './keys';
import { readBagEvent } from './ledger-reads';
import { barcodeOrReject, commissionedNewBag, isRepeat, prefetchBags } from './item-checks';
import { requireSiteOfKind } from './site-check';
import { putBagEvent } from './write';
import { putRecord, withBatchedWrites } from '../common/ledger';
import { type AnswerValue } from '../common/answer-shape';
import { type DeliveryAnswer } from './answers';

interface DeliveryInput {
  readonly facilityId: string;
  readonly vehicleId: string;
  readonly barcodes: readonly unknown[];
  readonly receivedWeightGrams: number;
  readonly outcome: Outcome;
  readonly recoveredWeightGrams: number | undefined;
  readonly receivedAt: string;
}

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
  await requireSiteOfKind(ctx, 'facilityId', input.facilityId, ['TRANSFER', 'FACILITY']);
  const stamp: TransactionStamp = {
    txId: ctx.stub.getTxID(),
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  await prefetchBags(ctx, input.barcodes, ['LOADED', 'DELIVERED']);
  const outcome = new BatchOutcome();
  for (const [index, raw] of input.barcodes.entries()) {
    const barcode = await checkDeliverable(ctx, stamp, outcome, index, raw, input);
    if (barcode !== undefined) {
      outcome.acceptedBarcodes.add(barcode);
    }
  }

  const deliveryId = stamp.txId;
  const barcodes = [...outcome.acceptedBarcodes];
  const delivery = {
    deliveryId,
    facilityId: input.facilityId,
    vehicleId: input.vehicleId,
    barcodes,
    receivedWeightGrams: input.receivedWeightGrams,
    outcome: input.outcome,
    recoveredWeightGrams: input.recoveredWeightGrams,
    receivedAt: input.receivedAt,
    ...stamp,
  };
  if (barcodes.length > 0) {
    await putRecord(ctx, deliveryKey(ctx, deliveryId), delivery);
  }
  for (const barcode of barcodes) {
    const event: WasteBagEvent = {
      barcode,
      step: 'DELIVERED',
      at: input.receivedAt,
      siteId: input.facilityId,
      ...stamp,
      anomalies: [],
      vehicleId: input.vehicleId,
      deliveryId,
      outcome: input.outcome,
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
  };
}

function parseDelivery(json: string): DeliveryInput {
  const reader = new FieldReader(parseJsonObjectArgument(json, 'delivery'));
  const input = {
    facilityId: reader.string('facilityId', SITE_ID_PATTERN, SITE_ID_RULE),
    vehicleId: reader.string('vehicleId', VEHICLE_ID_PATTERN, VEHICLE_ID_RULE),
    barcodes: reader.array('barcodes', MAX_BATCH_ITEMS),
    receivedWeightGrams: reader.integer('receivedWeightGrams', 1, MAX_LOAD_WEIGHT_GRAMS),
    outcome: reader.oneOf('outcome', Outcomes),
    recoveredWeightGrams: reader.optionalInteger('recoveredWeightGrams', 0, MAX_LOAD_WEIGHT_GRAMS),
    receivedAt: reader.isoDateTime('receivedAt'),
  };
  if (input.outcome === 'RECYCLED' && input.recoveredWeightGrams === undefined) {
    reader.problem('recoveredWeightGrams', 'is required when the outcome is RECYCLED');
  }
  if (input.outcome !== 'RECYCLED' && input.recoveredWeightGrams !== undefined) {
    reader.problem('recoveredWeightGrams', 'is only recorded when the outcome is RECYCLED');
  }
  if (input.recoveredWeightGrams !== undefined && input.recoveredWeightGrams > input.receivedWeightGrams) {
    reader.problem('recoveredWeightGrams', 'cannot exceed receivedWeightGrams');
  }
  reader.throwIfInvalid('delivery');
  return input;
}

/** The canonical barcode when the bag may be delivered now; otherwise records why not. */
async function checkDeliverable(
  ctx: Context,
  stamp: TransactionStamp,
  outcome: BatchOutcome,
  index: number,
  raw: unknown,
  input: DeliveryInput,
): Promise<string | undefined> {
  const barcode = barcodeOrReject(outcome, index, raw);
  if (barcode === undefined) {
    return undefined;
  }
  if ((await commissionedNewBag(ctx, outcome, index, barcode)) === undefined) {
    return undefined;
  }
  const attempt = {
    index,
    barcode,
    step: 'DELIVERED' as const,
    siteId: input.facilityId,
    at: input.receivedAt,
  };
  if (await isRepeat(ctx, stamp, outcome, attempt)) {
    return undefined;
  }
  if ((await readBagEvent(ctx, barcode, 'LOADED')) === undefined) {
    outcome.reject(
      index,
      barcode,
      ItemCodes.OutOfOrder,
      `bag ${barcode} cannot be delivered before it is loaded onto a vehicle`,
    );
    return undefined;
  }
  return barcode;
}
