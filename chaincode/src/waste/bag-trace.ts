// GetBag: a bag's public trace — category, district, status and its events in order, plus anomalies of
// refused events. The household hash and batch id are left out: the trace is shown to citizens.

import { type Context } from 'fabric-contract-api';
import { type AnswerValue } from '../common/answer-shape';
import { NotFoundError, ValidationError } from '../common/errors';
import { BAG_CATEGORY_NAMES, parseBagBarcode } from '../common/identifiers';
import { RecordTypes, listRecords } from '../common/ledger';
import { parseStoredAnomaly } from './anomaly-record';
import { type BagTraceAnswer } from './answers';
import { parseStoredBagEvent } from './bag-event';
import { type BagStatus } from './domain';
import { readBag } from './ledger-reads';

export async function bagTrace(
  ctx: Context,
  barcodeInput: string,
): Promise<AnswerValue<typeof BagTraceAnswer>> {
  const parsed = parseBagBarcode(barcodeInput);
  if (!parsed.valid) {
    throw new ValidationError('invalid bag barcode', [{ field: 'barcode', message: parsed.reason }]);
  }
  const barcode = parsed.value.canonical;
  const bag = await readBag(ctx, barcode);
  if (bag === undefined) {
    throw new NotFoundError(`bag ${barcode} not found`);
  }
  // Step keys sort by their number prefix, so this is the bag's order of events.
  const events = await listRecords(ctx, RecordTypes.WasteBagEvent, [barcode], parseStoredBagEvent);
  const refused = await listRecords(ctx, RecordTypes.WasteAnomaly, [barcode], parseStoredAnomaly);
  const last = events[events.length - 1]?.record;
  const status: BagStatus = last?.step ?? 'COMMISSIONED';
  return {
    barcode,
    districtCode: bag.districtCode,
    category: bag.category,
    categoryName: BAG_CATEGORY_NAMES[parsed.value.category],
    serial: bag.serial,
    status,
    outcome: last?.outcome,
    events: [
      {
        step: 'COMMISSIONED',
        at: bag.commissionedAt,
        recordedAt: bag.commissionedAt,
        txId: bag.txId,
        anomalies: [],
      },
      ...events.map(({ record }) => record),
    ],
    // Anomaly keys are named by transaction id, not time: order them by when they were recorded.
    anomalies: [
      ...events.flatMap(({ record }) =>
        record.anomalies.map((anomaly) => ({
          ...anomaly,
          step: record.step,
          txId: record.txId,
          recordedAt: record.recordedAt,
        })),
      ),
      ...refused.map(({ record }) => ({
        type: record.type,
        message: record.message,
        step: record.attemptedStep,
        txId: record.txId,
        recordedAt: record.recordedAt,
      })),
    ].sort((a, b) => compareText(a.recordedAt, b.recordedAt)),
  };
}

// Transaction times are ISO-8601 UTC of one fixed width, so text order is time order.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
