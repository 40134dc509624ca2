import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { NotFoundError, ValidationFailedError } from '../common/errors';
import { Database } from '../index-db/database/database';
import { conformanceRate } from './conformance';
import { type CategoryStatsResponse, type StationStatsResponse } from './dto/stats.dto';
import { WasteAnomalyRow } from './entities/waste-anomaly.entity';
import { WasteScanRow } from './entities/waste-scan.entity';
import { WasteSiteRow } from './entities/waste-site.entity';
import { SHANGHAI_OFFSET } from './projection/shanghai-day';
import {
  BAG_CATEGORY_NAMES,
  type BagCategoryCode,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
} from '../../../chaincode/src/contract';

/** What the GROUP BY answers; PostgreSQL returns COUNT and SUM as strings (int8/numeric), SQLite as numbers. */
interface CategoryAggregate {
  category: string;
  bags: string | number;
  weightGrams: string | number | null;
  conformant: string | number | null;
  nonConformant: string | number | null;
}

/**
 * Station statistics by day, from the index (the chain keeps no per-station aggregates: they would be
 * hot keys). Counts come from accepted scans only, one row per bag, so a duplicate or a retried request
 * never counts twice. The index may lag the ledger by a few blocks.
 */
@Injectable()
export class WasteStatsService {
  constructor(private readonly database: Database) {}

  async stationStats(stationId: string, date: string): Promise<StationStatsResponse> {
    if (!SITE_ID_PATTERN.test(stationId)) {
      throw new ValidationFailedError(`Invalid request: stationId ${SITE_ID_RULE}`, {
        details: [{ field: 'stationId', message: SITE_ID_RULE }],
      });
    }
    return this.database.run((manager) => computeStationStats(manager, stationId, date));
  }
}

export async function computeStationStats(
  manager: EntityManager,
  stationId: string,
  date: string,
): Promise<StationStatsResponse> {
  const aggregates = await manager
    .createQueryBuilder(WasteScanRow, 's')
    .select('s.category', 'category')
    .addSelect('COUNT(*)', 'bags')
    .addSelect('SUM(s.weight_grams)', 'weightGrams')
    .addSelect("SUM(CASE WHEN s.quality = 'CONFORMANT' THEN 1 ELSE 0 END)", 'conformant')
    .addSelect("SUM(CASE WHEN s.quality = 'NON_CONFORMANT' THEN 1 ELSE 0 END)", 'nonConformant')
    .where('s.station_id = :stationId AND s.day = :date', { stationId, date })
    .groupBy('s.category')
    .orderBy('s.category', 'ASC')
    .getRawMany<CategoryAggregate>();
  const anomalies = await manager.getRepository(WasteAnomalyRow).find({
    where: { stationId, day: date },
    order: { recordedAt: 'ASC', txId: 'ASC', seq: 'ASC' },
  });
  if (aggregates.length === 0 && anomalies.length === 0) {
    const known = await manager.getRepository(WasteSiteRow).existsBy({ siteId: stationId });
    if (!known) throw new NotFoundError(`station ${stationId} is not in the index`);
  }
  return {
    stationId,
    date,
    timeZone: SHANGHAI_OFFSET,
    categories: aggregates.map(toCategoryStats),
    anomalies: anomalies.map((row) => ({
      type: row.type,
      message: row.message,
      ...(row.barcode !== null && { barcode: row.barcode }),
      txId: row.txId,
      recordedAt: row.recordedAt,
    })),
  };
}

function toCategoryStats(row: CategoryAggregate): CategoryStatsResponse {
  const bags = Number(row.bags);
  const conformant = Number(row.conformant ?? 0);
  const nonConformant = Number(row.nonConformant ?? 0);
  const checked = conformant + nonConformant;
  return {
    category: row.category,
    categoryName: BAG_CATEGORY_NAMES[row.category as BagCategoryCode] ?? row.category,
    bags,
    weightGrams: Number(row.weightGrams ?? 0),
    conformant,
    nonConformant,
    unchecked: bags - checked,
    conformanceRate: conformanceRate(conformant, nonConformant),
  };
}
