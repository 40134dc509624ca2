import { type EntityManager } from 'typeorm';

import { eachDay } from '../../common/day-range';
import { type TransferTotals } from '../dto/daily-stats.dto';
import { WasteBagMovementRow } from '../entities/waste-bag-movement.entity';
import { WasteScanRow } from '../entities/waste-scan.entity';

// What passed through a transfer station per Asia/Shanghai day: bags that arrived there and bags that
// left it again, each weighed as scanned at its first station (a transfer station scans nothing).

interface ThroughputAggregate {
  day: string;
  step: string;
  bags: string | number | null;
  weightGrams: string | number | null;
}

const none = (): TransferTotals => ({
  arrivedBags: 0,
  arrivedWeightGrams: 0,
  departedBags: 0,
  departedWeightGrams: 0,
});

/** Every day of the range (zeros included) and the whole range, for transfer station `siteId`. */
export async function transferThroughput(
  manager: EntityManager,
  siteId: string,
  from: string,
  to: string,
): Promise<{ days: Map<string, TransferTotals>; totals: TransferTotals }> {
  const rows = await manager
    .createQueryBuilder(WasteBagMovementRow, 'm')
    .leftJoin(WasteScanRow, 's', 's.barcode = m.barcode')
    .select('m.day', 'day')
    .addSelect('m.step', 'step')
    .addSelect('COUNT(*)', 'bags')
    .addSelect('SUM(COALESCE(s.weight_grams, 0))', 'weightGrams')
    .where('m.site_id = :siteId', { siteId })
    .andWhere("m.step IN ('TRANSFER_ARRIVED', 'TRANSFER_DEPARTED')")
    .andWhere('m.day >= :from AND m.day <= :to', { from, to })
    .groupBy('m.day')
    .addGroupBy('m.step')
    .getRawMany<ThroughputAggregate>();
  const days = new Map(eachDay(from, to).map((day) => [day, none()]));
  const totals = none();
  for (const row of rows) {
    const day = days.get(row.day);
    if (day === undefined) continue;
    const bags = Number(row.bags ?? 0);
    const grams = Number(row.weightGrams ?? 0);
    for (const into of [day, totals]) {
      if (row.step === 'TRANSFER_ARRIVED') {
        into.arrivedBags += bags;
        into.arrivedWeightGrams += grams;
      } else {
        into.departedBags += bags;
        into.departedWeightGrams += grams;
      }
    }
  }
  return { days, totals };
}
