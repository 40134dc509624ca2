// Shared bookkeeping of the three batch transactions (scans, collections, deliveries): the per-item
// answer lists and the AFTER_FINAL_OUTCOME anomaly, which is recorded under its own key because the
// event that caused it is refused.

import { type Context } from 'fabric-contract-api';
import { type WasteAnomalyRecord } from './anomaly-record';
import { type WasteBagEvent } from './bag-event';
import {
  type AnomalyType,
  AnomalyTypes,
  type BagStep,
  type ItemCode,
  ItemCodes,
  type RejectedItem,
} from './domain';
import { anomalyKey } from './keys';
import { putRecord } from '../common/ledger';

/** An anomaly as reported in results and event payloads. */
export interface ReportedAnomaly {
  readonly index?: number;
  readonly barcode?: string;
  readonly type: AnomalyType;
  readonly message: string;
}

/** Who and when, the same for every record of the transaction. */
export interface TransactionStamp {
  readonly txId: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export class BatchOutcome {
  readonly duplicates: string[] = [];
  readonly rejected: RejectedItem[] = [];
  readonly anomalies: ReportedAnomaly[] = [];
  /** Barcodes accepted so far in this transaction: reads do not see our own writes. */
  readonly acceptedBarcodes = new Set<string>();

  reject(index: number, barcode: string, code: ItemCode, message: string): void {
    this.rejected.push({ index, barcode, code, message });
  }

  /**
   * The bag already has its final outcome: refuse the event for this bag and record the anomaly on its
   * own write-once key, so it shows in the bag's trace and in the index.
   */
  async afterFinalOutcome(
    ctx: Context,
    stamp: TransactionStamp,
    attempt: { index: number; barcode: string; step: BagStep; siteId: string; at: string },
    delivered: WasteBagEvent,
  ): Promise<void> {
    const message =
      `bag ${attempt.barcode} already had its final outcome ${delivered.outcome ?? ''} at ${delivered.siteId} ` +
      `(${delivered.at}); ${attempt.step} at ${attempt.siteId} refused`;
    const record: WasteAnomalyRecord = {
      barcode: attempt.barcode,
      type: AnomalyTypes.AfterFinalOutcome,
      message,
      attemptedStep: attempt.step,
      siteId: attempt.siteId,
      at: attempt.at,
      ...stamp,
    };
    await putRecord(ctx, anomalyKey(ctx, attempt.barcode, stamp.txId, attempt.index), record);
    this.reject(attempt.index, attempt.barcode, ItemCodes.AfterFinalOutcome, message);
    this.anomalies.push({ index: attempt.index, barcode: attempt.barcode, type: record.type, message });
  }
}
