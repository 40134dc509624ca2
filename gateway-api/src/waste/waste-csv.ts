import { StreamableFile } from '@nestjs/common';

import { type CsvColumn, csvText } from '../common/csv';
import { type AnomalySummary } from './dto/anomaly-list.dto';
import { type BagSummary } from './dto/bag-list.dto';
import { type CategoryTotals, type DailyStatsResponse } from './dto/daily-stats.dto';

// The CSV columns of the waste lists and totals: the JSON fields, flat, in the order an inspector reads them.

export const BAG_CSV_COLUMNS: readonly CsvColumn<BagSummary>[] = [
  { header: 'barcode', value: (row) => row.barcode },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'category', value: (row) => row.category },
  { header: 'categoryName', value: (row) => row.categoryName },
  { header: 'serial', value: (row) => row.serial },
  { header: 'batchId', value: (row) => row.batchId },
  { header: 'commissionedAt', value: (row) => row.commissionedAt },
  { header: 'status', value: (row) => row.status },
  { header: 'stationId', value: (row) => row.stationId },
  { header: 'scannedAt', value: (row) => row.scannedAt },
  { header: 'weightGrams', value: (row) => row.weightGrams },
  { header: 'quality', value: (row) => row.quality },
  { header: 'loadedAt', value: (row) => row.loadedAt },
  { header: 'transferSiteId', value: (row) => row.transferSiteId },
  { header: 'transferArrivedAt', value: (row) => row.transferArrivedAt },
  { header: 'transferDepartedAt', value: (row) => row.transferDepartedAt },
  { header: 'deliveredAt', value: (row) => row.deliveredAt },
  { header: 'facilityId', value: (row) => row.facilityId },
  { header: 'outcome', value: (row) => row.outcome },
];

export const ANOMALY_CSV_COLUMNS: readonly CsvColumn<AnomalySummary>[] = [
  { header: 'day', value: (row) => row.day },
  { header: 'recordedAt', value: (row) => row.recordedAt },
  { header: 'type', value: (row) => row.type },
  { header: 'message', value: (row) => row.message },
  { header: 'barcode', value: (row) => row.barcode },
  { header: 'category', value: (row) => row.category },
  { header: 'stationId', value: (row) => row.stationId },
  { header: 'siteName', value: (row) => row.siteName },
  { header: 'districtCode', value: (row) => row.districtCode },
  { header: 'eventName', value: (row) => row.eventName },
  { header: 'txId', value: (row) => row.txId },
  { header: 'seq', value: (row) => row.seq },
];

/** One CSV row of the totals: a day, a category, the scope it was counted for. */
interface DailyStatsRow extends CategoryTotals {
  readonly scope: string;
  readonly scopeId: string;
  readonly date: string;
}

const DAILY_STATS_COLUMNS: readonly CsvColumn<DailyStatsRow>[] = [
  { header: 'scope', value: (row) => row.scope },
  { header: 'scopeId', value: (row) => row.scopeId },
  { header: 'date', value: (row) => row.date },
  { header: 'category', value: (row) => row.category },
  { header: 'categoryName', value: (row) => row.categoryName },
  { header: 'bags', value: (row) => row.bags },
  { header: 'weightGrams', value: (row) => row.weightGrams },
  { header: 'conformant', value: (row) => row.conformant },
  { header: 'nonConformant', value: (row) => row.nonConformant },
  { header: 'unchecked', value: (row) => row.unchecked },
  { header: 'conformanceRate', value: (row) => row.conformanceRate },
  { header: 'anomalies', value: (row) => row.anomalies },
];

/** The totals as CSV: one row per day × category (at most 366 × 4), the whole file at once. */
export function dailyStatsCsv(stats: DailyStatsResponse): StreamableFile {
  const scopeId = stats.scope.stationId ?? stats.scope.districtCode ?? '';
  const rows = stats.days.flatMap((day) =>
    day.categories.map((category) => ({ scope: stats.scope.kind, scopeId, date: day.date, ...category })),
  );
  const name = ['waste-daily', stats.scope.kind.toLowerCase(), scopeId, stats.from, stats.to]
    .filter((part) => part !== '')
    .join('-');
  return new StreamableFile(Buffer.from(csvText(DAILY_STATS_COLUMNS, rows), 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
