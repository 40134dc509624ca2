import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { BAG_CATEGORY_NAMES, CategoryCodes } from '../../../../chaincode/src/contract';
import { eachDay } from '../../common/day-range';
import { NotFoundError } from '../../common/errors';
import { Database } from '../../index-db/database/database';
import { conformanceRate } from '../conformance';
import { type CategoryTotals, type DailyStatsResponse, type PeriodTotals } from '../dto/daily-stats.dto';
import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteBagRow } from '../entities/waste-bag.entity';
import { WasteScanRow } from '../entities/waste-scan.entity';
import { WasteSiteRow } from '../entities/waste-site.entity';
import { SHANGHAI_OFFSET } from '../projection/shanghai-day';
import { transferThroughput } from './waste-transfer-throughput';
import { type WasteScope, whereAnomalyIn, whereDayIn, whereScanIn } from './waste-scope';

/** PostgreSQL answers COUNT and SUM as strings (int8/numeric), SQLite as numbers. */
type Sum = string | number | null;

interface ScanAggregate {
  day: string;
  category: string;
  bags: Sum;
  weightGrams: Sum;
  conformant: Sum;
  nonConformant: Sum;
}

interface AnomalyAggregate {
  day: string;
  category: string | null;
  anomalies: Sum;
}

/** The counts one day × category (or a sum of them) adds up; the rate is derived, never summed. */
interface Counts {
  bags: number;
  weightGrams: number;
  conformant: number;
  nonConformant: number;
  unchecked: number;
  anomalies: number;
}

const zero = (): Counts => ({
  bags: 0,
  weightGrams: 0,
  conformant: 0,
  nonConformant: 0,
  unchecked: 0,
  anomalies: 0,
});

function add(into: Counts, more: Counts): void {
  into.bags += more.bags;
  into.weightGrams += more.weightGrams;
  into.conformant += more.conformant;
  into.nonConformant += more.nonConformant;
  into.unchecked += more.unchecked;
  into.anomalies += more.anomalies;
}

const withRate = (counts: Counts): Counts & { conformanceRate: number | null } => ({
  ...counts,
  conformanceRate: conformanceRate(counts.conformant, counts.nonConformant),
});

/**
 * Daily and whole-range totals per category for a station, a district or the city, from the index:
 * the same counting as the station statistics (accepted scans, one per bag; the same conformance
 * rate), over a bounded range of local days. Every day and all four categories are in the answer,
 * zeros included, so a chart plots `days[].categories[i]` without filling gaps. A transfer station
 * scans nothing; its days add what passed through (`transfer`).
 */
@Injectable()
export class WasteDailyStatsService {
  constructor(private readonly database: Database) {}

  daily(scope: WasteScope, from: string, to: string): Promise<DailyStatsResponse> {
    return this.database.run(async (manager) => {
      const kind = scope.kind === 'STATION' ? await requireSite(manager, scope.stationId) : undefined;
      const counts = new Map<string, Counts>(); // `${day}|${category}`
      const dayAnomalies = new Map<string, number>(); // every anomaly of the day, with or without a bag
      for (const row of await scanAggregates(manager, scope, from, to)) {
        const bags = Number(row.bags ?? 0);
        const conformant = Number(row.conformant ?? 0);
        const nonConformant = Number(row.nonConformant ?? 0);
        counts.set(`${row.day}|${row.category}`, {
          bags,
          weightGrams: Number(row.weightGrams ?? 0),
          conformant,
          nonConformant,
          unchecked: bags - conformant - nonConformant,
          anomalies: 0,
        });
      }
      for (const row of await anomalyAggregates(manager, scope, from, to)) {
        const anomalies = Number(row.anomalies ?? 0);
        dayAnomalies.set(row.day, (dayAnomalies.get(row.day) ?? 0) + anomalies);
        if (row.category === null) continue;
        const key = `${row.day}|${row.category}`;
        const cell = counts.get(key) ?? zero();
        cell.anomalies += anomalies;
        counts.set(key, cell);
      }
      const stats = assemble(scope, from, to, counts, dayAnomalies);
      if (kind === 'TRANSFER' && scope.kind === 'STATION') {
        const { days, totals } = await transferThroughput(manager, scope.stationId, from, to);
        for (const day of stats.days) day.transfer = days.get(day.date);
        stats.totals.transfer = totals;
      }
      return stats;
    });
  }
}

/** The site's kind; NOT_FOUND when the index does not hold it. */
async function requireSite(manager: EntityManager, stationId: string): Promise<string> {
  const site = await manager.getRepository(WasteSiteRow).findOneBy({ siteId: stationId });
  if (site === null) throw new NotFoundError(`station ${stationId} is not in the index`);
  return site.kind;
}

function scanAggregates(
  manager: EntityManager,
  scope: WasteScope,
  from: string,
  to: string,
): Promise<ScanAggregate[]> {
  const builder = manager
    .createQueryBuilder(WasteScanRow, 's')
    .select('s.day', 'day')
    .addSelect('s.category', 'category')
    .addSelect('COUNT(*)', 'bags')
    .addSelect('SUM(s.weight_grams)', 'weightGrams')
    .addSelect("SUM(CASE WHEN s.quality = 'CONFORMANT' THEN 1 ELSE 0 END)", 'conformant')
    .addSelect("SUM(CASE WHEN s.quality = 'NON_CONFORMANT' THEN 1 ELSE 0 END)", 'nonConformant');
  whereDayIn(whereScanIn(builder, scope), 's.day', { from, to });
  return builder.groupBy('s.day').addGroupBy('s.category').getRawMany<ScanAggregate>();
}

/** Anomalies per day and their bag's category (null: no bag, or one the index does not hold). */
function anomalyAggregates(
  manager: EntityManager,
  scope: WasteScope,
  from: string,
  to: string,
): Promise<AnomalyAggregate[]> {
  const builder = manager
    .createQueryBuilder(WasteAnomalyRow, 'a')
    .leftJoin(WasteBagRow, 'bag', 'bag.barcode = a.barcode')
    .select('a.day', 'day')
    .addSelect('bag.category', 'category')
    .addSelect('COUNT(*)', 'anomalies');
  whereDayIn(whereAnomalyIn(builder, scope), 'a.day', { from, to });
  return builder.groupBy('a.day').addGroupBy('bag.category').getRawMany<AnomalyAggregate>();
}

function assemble(
  scope: WasteScope,
  from: string,
  to: string,
  counts: ReadonlyMap<string, Counts>,
  dayAnomalies: ReadonlyMap<string, number>,
): DailyStatsResponse {
  const period = zero();
  const periodByCategory = CategoryCodes.map(() => zero());
  const days = eachDay(from, to).map((date) => {
    const day = zero();
    const categories = CategoryCodes.map((category, index): CategoryTotals => {
      const cell = counts.get(`${date}|${category}`) ?? zero();
      add(day, cell);
      const categoryPeriod = periodByCategory[index];
      if (categoryPeriod !== undefined) add(categoryPeriod, cell);
      return { category, categoryName: BAG_CATEGORY_NAMES[category], ...withRate(cell) };
    });
    // the day's anomalies include those no category can claim
    day.anomalies = dayAnomalies.get(date) ?? 0;
    add(period, day);
    return { date, ...withRate(day), categories };
  });
  const totals: PeriodTotals = {
    ...withRate(period),
    categories: CategoryCodes.map((category, index) => ({
      category,
      categoryName: BAG_CATEGORY_NAMES[category],
      ...withRate(periodByCategory[index] ?? zero()),
    })),
  };
  return { scope, from, to, timeZone: SHANGHAI_OFFSET, days, totals };
}
