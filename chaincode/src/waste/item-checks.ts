// The per-bag checks that scans, collections and deliveries share. Each records its verdict on the
// batch outcome (duplicate, rejection or anomaly) so one bad item never fails the others.

import { type Context } from 'fabric-contract-api';
import { prefetchRecords } from '../common/ledger';
import { checkBarcode, echoBarcode } from './barcode-check';
import { type BatchOutcome, type TransactionStamp } from './batch';
import { type BagStep, ItemCodes } from './domain';
import { bagEventKey, bagKey } from './keys';
import { readBag, readBagEvent } from './ledger-reads';
import { type WasteBag } from './bag';

/** What a batch item tried to record for one bag. */
export interface BagAttempt {
  readonly index: number;
  readonly barcode: string;
  readonly step: BagStep;
  readonly siteId: string;
  readonly at: string;
}

/** The canonical barcode of a batch item, or undefined after recording why it is refused. */
export function barcodeOrReject(outcome: BatchOutcome, index: number, raw: unknown): string | undefined {
  const checked = checkBarcode(raw);
  if (!checked.ok) {
    outcome.reject(index, echoBarcode(raw), checked.code, checked.message);
    return undefined;
  }
  return checked.barcode.canonical;
}

/**
 * Reads, in a few round trips, what the per-item checks below will ask for each well-formed barcode
 * of a batch: the bag and the given steps of it. A 1000-item batch otherwise waits for 2000 or more
 * answers from the peer one after another.
 */
export async function prefetchBags(
  ctx: Context,
  rawBarcodes: readonly unknown[],
  steps: readonly BagStep[],
): Promise<void> {
  const keys: string[] = [];
  for (const raw of rawBarcodes) {
    const checked = checkBarcode(raw);
    if (checked.ok) {
      const barcode = checked.barcode.canonical;
      keys.push(bagKey(ctx, barcode), ...steps.map((step) => bagEventKey(ctx, barcode, step)));
    }
  }
  await prefetchRecords(ctx, keys);
}

/**
 * The bag when it may take part: not already accepted earlier in this batch (then a duplicate) and
 * commissioned (otherwise rejected). One read of the bag per item.
 */
export async function commissionedNewBag(
  ctx: Context,
  outcome: BatchOutcome,
  index: number,
  barcode: string,
): Promise<WasteBag | undefined> {
  if (outcome.acceptedBarcodes.has(barcode)) {
    outcome.duplicates.push(barcode);
    return undefined;
  }
  const bag = await readBag(ctx, barcode);
  if (bag === undefined) {
    outcome.reject(index, barcode, ItemCodes.NotCommissioned, `bag ${barcode} has not been commissioned`);
  }
  return bag;
}

/**
 * True when the bag already has `attempt.step`: a repeat is reported as a duplicate, or — once the
 * bag has its final outcome — recorded as an AFTER_FINAL_OUTCOME anomaly.
 */
export async function isRepeat(
  ctx: Context,
  stamp: TransactionStamp,
  outcome: BatchOutcome,
  attempt: BagAttempt,
): Promise<boolean> {
  if ((await readBagEvent(ctx, attempt.barcode, attempt.step)) === undefined) {
    return false;
  }
  // Only a bag with this step can have been delivered, so this second read happens for repeats only.
  const delivered = await readBagEvent(ctx, attempt.barcode, 'DELIVERED');
  if (delivered === undefined) {
    outcome.duplicates.push(attempt.barcode);
  } else {
    await outcome.afterFinalOutcome(ctx, stamp, attempt, delivered);
  }
  return true;
}
