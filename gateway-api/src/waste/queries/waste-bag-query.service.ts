import { Injectable } from '@nestjs/common';

import { BAG_CATEGORY_NAMES, type BagCategoryCode } from '../../../../chaincode/src/contract';
import { Database } from '../../index-db/database/database';
import { type BagListStatus, type BagPage, type BagSummary, type ListBagsQuery } from '../dto/bag-list.dto';
import { WasteBagMovementRow } from '../entities/waste-bag-movement.entity';
import { WasteBagRow } from '../entities/waste-bag.entity';
import { WasteScanRow } from '../entities/waste-scan.entity';

/** A bag joined with its scan and movement rows (each at most one per step: primary keys). */
interface BagJoinRow {
  barcode: string;
  districtCode: string;
  category: string;
  serial: number | string;
  batchId: string;
  commissionedAt: string;
  stationId: string | null;
  scannedAt: string | null;
  weightGrams: number | string | null;
  quality: string | null;
  loadedAt: string | null;
  transferSiteId: string | null;
  transferArrivedAt: string | null;
  transferDepartedAt: string | null;
  deliveredAt: string | null;
  facilityId: string | null;
  outcome: string | null;
}

/**
 * The status filter on the joined rows: the latest step present, as GetBag reports it. The chaincode
 * refuses a step before the one it needs (OUT_OF_ORDER), so a later row implies the earlier ones.
 */
const NOT_YET_ARRIVED = 'ta.barcode IS NULL AND td.barcode IS NULL AND md.barcode IS NULL';
const STATUS_CONDITIONS: Readonly<Record<BagListStatus, string>> = {
  COMMISSIONED: `s.barcode IS NULL AND ml.barcode IS NULL AND ${NOT_YET_ARRIVED}`,
  COLLECTED: `s.barcode IS NOT NULL AND ml.barcode IS NULL AND ${NOT_YET_ARRIVED}`,
  LOADED: `ml.barcode IS NOT NULL AND ${NOT_YET_ARRIVED}`,
  TRANSFER_ARRIVED: 'ta.barcode IS NOT NULL AND td.barcode IS NULL AND md.barcode IS NULL',
  TRANSFER_DEPARTED: 'td.barcode IS NOT NULL AND md.barcode IS NULL',
  DELIVERED: 'md.barcode IS NOT NULL',
};

function statusOf(row: BagJoinRow): BagListStatus {
  if (row.deliveredAt !== null) return 'DELIVERED';
  if (row.transferDepartedAt !== null) return 'TRANSFER_DEPARTED';
  if (row.transferArrivedAt !== null) return 'TRANSFER_ARRIVED';
  if (row.loadedAt !== null) return 'LOADED';
  return row.scannedAt !== null ? 'COLLECTED' : 'COMMISSIONED';
}

/** Commissioned bags from the index (no household data is there), in barcode order. */
@Injectable()
export class WasteBagQueryService {
  constructor(private readonly database: Database) {}

  listBags(query: ListBagsQuery): Promise<BagPage> {
    return this.database.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(WasteBagRow, 'b')
        .leftJoin(WasteScanRow, 's', 's.barcode = b.barcode')
        .leftJoin(WasteBagMovementRow, 'ml', "ml.barcode = b.barcode AND ml.step = 'LOADED'")
        .leftJoin(WasteBagMovementRow, 'ta', "ta.barcode = b.barcode AND ta.step = 'TRANSFER_ARRIVED'")
        .leftJoin(WasteBagMovementRow, 'td', "td.barcode = b.barcode AND td.step = 'TRANSFER_DEPARTED'")
        .leftJoin(WasteBagMovementRow, 'md', "md.barcode = b.barcode AND md.step = 'DELIVERED'");
      if (query.districtCode !== undefined) {
        builder.andWhere('b.district_code = :district', { district: query.districtCode });
      }
      if (query.category !== undefined)
        builder.andWhere('b.category = :category', { category: query.category });
      if (query.batchId !== undefined) builder.andWhere('b.batch_id = :batch', { batch: query.batchId });
      if (query.status !== undefined) builder.andWhere(`(${STATUS_CONDITIONS[query.status]})`);
      const total = await builder.getCount();
      const rows = await builder
        .select('b.barcode', 'barcode')
        .addSelect('b.district_code', 'districtCode')
        .addSelect('b.category', 'category')
        .addSelect('b.serial', 'serial')
        .addSelect('b.batch_id', 'batchId')
        .addSelect('b.commissioned_at', 'commissionedAt')
        .addSelect('s.station_id', 'stationId')
        .addSelect('s.scanned_at', 'scannedAt')
        .addSelect('s.weight_grams', 'weightGrams')
        .addSelect('s.quality', 'quality')
        .addSelect('ml.at', 'loadedAt')
        .addSelect('ta.site_id', 'transferSiteId')
        .addSelect('ta.at', 'transferArrivedAt')
        .addSelect('td.at', 'transferDepartedAt')
        .addSelect('md.at', 'deliveredAt')
        .addSelect('md.site_id', 'facilityId')
        .addSelect('md.outcome', 'outcome')
        .orderBy('b.barcode', 'ASC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<BagJoinRow>();
      return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
    });
  }
}

function toSummary(row: BagJoinRow): BagSummary {
  return {
    barcode: row.barcode,
    districtCode: row.districtCode,
    category: row.category,
    categoryName: BAG_CATEGORY_NAMES[row.category as BagCategoryCode] ?? row.category,
    serial: Number(row.serial),
    batchId: row.batchId,
    commissionedAt: row.commissionedAt,
    status: statusOf(row),
    stationId: row.stationId,
    scannedAt: row.scannedAt,
    weightGrams: row.weightGrams === null ? null : Number(row.weightGrams),
    quality: row.quality,
    loadedAt: row.loadedAt,
    transferSiteId: row.transferSiteId,
    transferArrivedAt: row.transferArrivedAt,
    transferDepartedAt: row.transferDepartedAt,
    deliveredAt: row.deliveredAt,
    facilityId: row.facilityId,
    outcome: row.outcome,
  };
}
