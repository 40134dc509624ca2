// RecordScans: up to 1000 station scans in one transaction, each validated on its own. Per accepted
// scan the chaincode reads the bag key and its COLLECTED key and writes only the COLLECTED key; two
// stations scanning different bags therefore never touch the same key. The reads of the whole batch
// go to the peer ahead in a few messages, and the writes after it in a few more.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter, deviceBinding } from '../common/access';
import { ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { withBatchedWrites } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type WasteBagEvent } from './bag-event';
import { BatchOutcome, type TransactionStamp } from './batch';
import {
  type AnomalyNote,
  AnomalyTypes,
  CategoryCodes,
  ItemCodes,
  MAX_BAG_WEIGHT_GRAMS,
  MAX_BATCH_ITEMS,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  type ScanQuality,
  ScanQualities,
} from './domain';
import { FieldReader, isJsonObject, isoMillis, parseJsonArgument } from './input';
import { SiteCache } from './ledger-reads';
import { barcodeOrReject, commissionedNewBag, isRepeat, prefetchBags } from './item-checks';
import { reporterOf, type Reporter } from './reporter';
import { BinCache, judgeBin } from './scan-bin-check';
import { BIN_ID_PATTERN, BIN_ID_RULE } from './vehicle-rules';
import { putBagEvent } from './write';
import { type AnswerValue } from '../common/answer-shape';
import { type ScansAnswer } from './answers';

/** Scanner clocks drift; a scan time further ahead of the transaction time than this is refused. */
const MAX_CLOCK_AHEAD_MILLIS = 15 * 60 * 1000;

export type ScansResult = AnswerValue<typeof ScansAnswer>;

interface ScanFields {
  readonly stationId: string;
  readonly scannedAt: string;
  readonly weightGrams: number;
  readonly quality: ScanQuality;
  readonly category: string | undefined;
  readonly binId: string | undefined;
}

/** What the event payload lists for each accepted scan. */
interface AcceptedScan extends ScanFields {
  readonly barcode: string;
  readonly districtCode: string;
  readonly bagCategory: string;
  readonly anomalies: readonly AnomalyNote[];
}

export async function recordScans(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  scansJson: string,
): Promise<ScansResult> {
  const scans = parseScanList(scansJson);
  const stamp: TransactionStamp = {
    txId: ctx.stub.getTxID(),
    recordedAt: transactionTime(ctx),
    recordedBy: submitter.mspId,
  };
  const binding = deviceBinding(ctx, submitter);
  const checks: ScanChecks = {
    sites: new SiteCache(ctx),
    bins: new BinCache(ctx),
    deviceSiteId: binding?.kind === 'site' ? binding.siteId : undefined,
  };
  const reporter = reporterOf(submitter);
  const outcome = new BatchOutcome();
  const accepted: AcceptedScan[] = [];
  await prefetchBags(
    ctx,
    scans.map((raw) => (isJsonObject(raw) ? raw.barcode : undefined)),
    ['COLLECTED'],
  );
  await withBatchedWrites(ctx, async () => {
    for (const [index, raw] of scans.entries()) {
      const scan = await recordScan(ctx, { stamp, checks, reporter }, outcome, index, raw);
      if (scan !== undefined) {
        accepted.push(scan);
      }
    }
  });
  emitEvent(ctx, EventNames.WasteScansRecorded, {
    ...stamp,
    reportedBy: reporter,
    accepted,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    anomalies: outcome.anomalies,
  });
  return {
    accepted: accepted.length,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    anomalies: outcome.anomalies,
  };
}

/** `{ "scans": [...] }` (the API body) or a bare array; 1 to 1000 scans, else the whole call fails. */
function parseScanList(json: string): unknown[] {
  const parsed = parseJsonArgument(json, 'scans');
  const list = isJsonObject(parsed) ? parsed.scans : parsed;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH_ITEMS) {
    throw new ValidationError(`a scan batch must hold 1 to ${MAX_BATCH_ITEMS} scans`, [
      { field: 'scans', message: Array.isArray(list) ? `got ${list.length} scans` : 'must be a list' },
    ]);
  }
  return list as unknown[];
}

/** What every scan of the batch is checked against, read once per transaction. */
interface ScanChecks {
  readonly sites: SiteCache;
  readonly bins: BinCache;
  /** A site device may only scan at the site its certificate names. */
  readonly deviceSiteId: string | undefined;
}

interface ScanBatch {
  readonly stamp: TransactionStamp;
  readonly checks: ScanChecks;
  readonly reporter: Reporter;
}

// One scan: every refusal is an entry in `outcome`, never an exception, so the batch goes on.
async function recordScan(
  ctx: Context,
  { stamp, checks, reporter }: ScanBatch,
  outcome: BatchOutcome,
  index: number,
  raw: unknown,
): Promise<AcceptedScan | undefined> {
  const rawBarcode = isJsonObject(raw) ? raw.barcode : undefined;
  const barcode = barcodeOrReject(outcome, index, rawBarcode);
  if (barcode === undefined) {
    return undefined;
  }
  const fields = readScanFields(raw, stamp.recordedAt);
  if (typeof fields === 'string') {
    outcome.reject(index, barcode, ItemCodes.ValidationFailed, fields);
    return undefined;
  }
  if (checks.deviceSiteId !== undefined && fields.stationId !== checks.deviceSiteId) {
    outcome.reject(
      index,
      barcode,
      ItemCodes.NotDeviceSite,
      `this scanner belongs to ${checks.deviceSiteId} and cannot report a scan at ${fields.stationId}`,
    );
    return undefined;
  }
  const station = await checks.sites.get(fields.stationId);
  if (station === undefined) {
    outcome.reject(index, barcode, ItemCodes.UnknownSite, `station ${fields.stationId} is not registered`);
    return undefined;
  }
  if (station.kind !== 'STATION') {
    outcome.reject(
      index,
      barcode,
      ItemCodes.WrongSiteKind,
      `${fields.stationId} is a ${station.kind}, not a STATION`,
    );
    return undefined;
  }
  const bag = await commissionedNewBag(ctx, outcome, index, barcode);
  if (bag === undefined) {
    return undefined;
  }
  const attempt = {
    index,
    barcode,
    step: 'COLLECTED' as const,
    siteId: fields.stationId,
    at: fields.scannedAt,
  };
  if (await isRepeat(ctx, stamp, outcome, attempt)) {
    return undefined;
  }
  const binAnomalies: AnomalyNote[] = [];
  if (fields.binId !== undefined) {
    const verdict = judgeBin(await checks.bins.get(fields.binId), fields.binId, fields.stationId, bag);
    if (!verdict.ok) {
      outcome.reject(index, barcode, verdict.code, verdict.message);
      return undefined;
    }
    binAnomalies.push(...verdict.anomalies);
  }

  const anomalies = [
    ...scanAnomalies(barcode, bag.districtCode, bag.category, station.districtCode, fields),
    ...binAnomalies,
  ];
  const event: WasteBagEvent = {
    barcode,
    step: 'COLLECTED',
    at: fields.scannedAt,
    siteId: fields.stationId,
    ...stamp,
    anomalies,
    weightGrams: fields.weightGrams,
    quality: fields.quality,
    reportedCategory: fields.category,
    binId: fields.binId,
    reporterRole: reporter.role,
  };
  await putBagEvent(ctx, event);
  outcome.acceptedBarcodes.add(barcode);
  anomalies.forEach((anomaly) => outcome.anomalies.push({ index, barcode, ...anomaly }));
  return { barcode, ...fields, districtCode: bag.districtCode, bagCategory: bag.category, anomalies };
}

/** The scan's fields, or a message naming every problem. */
function readScanFields(raw: unknown, recordedAt: string): ScanFields | string {
  if (!isJsonObject(raw)) {
    return 'scan must be an object';
  }
  const reader = new FieldReader(raw);
  const stationId = reader.string('stationId', SITE_ID_PATTERN, SITE_ID_RULE);
  const scannedAt = reader.isoDateTime('scannedAt');
  const weightGrams = reader.integer('weightGrams', 1, MAX_BAG_WEIGHT_GRAMS);
  const quality = reader.oneOf('quality', ScanQualities);
  const category = reader.optionalString(
    'category',
    /^0[1-4]$/,
    `must be one of ${CategoryCodes.join(', ')}`,
  );
  const binId = reader.optionalString('binId', BIN_ID_PATTERN, BIN_ID_RULE);
  if (scannedAt !== '' && isoMillis(scannedAt) > isoMillis(recordedAt) + MAX_CLOCK_AHEAD_MILLIS) {
    reader.problem('scannedAt', `must not be later than the transaction time ${recordedAt}`);
  }
  if (reader.problems.length > 0) {
    return reader.problems.map((problem) => `${problem.field ?? ''} ${problem.message}`).join('; ');
  }
  return { stationId, scannedAt, weightGrams, quality, category, binId };
}

function scanAnomalies(
  barcode: string,
  bagDistrict: string,
  bagCategory: string,
  stationDistrict: string,
  fields: ScanFields,
): AnomalyNote[] {
  const anomalies: AnomalyNote[] = [];
  if (bagDistrict !== stationDistrict) {
    anomalies.push({
      type: AnomalyTypes.OutOfDistrict,
      message: `bag ${barcode} of district ${bagDistrict} scanned at ${fields.stationId} in district ${stationDistrict}`,
    });
  }
  if (fields.category !== undefined && fields.category !== bagCategory) {
    anomalies.push({
      type: AnomalyTypes.CategoryMismatch,
      message: `station ${fields.stationId} reported category ${fields.category}, the barcode says ${bagCategory}`,
    });
  }
  return anomalies;
}
