import { Injectable } from '@nestjs/common';

import { Database } from '../../index-db/database/database';
import { type AnomalyPage, type AnomalySummary, type ListAnomaliesQuery } from '../dto/anomaly-list.dto';
import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteBagRow } from '../entities/waste-bag.entity';
import { WasteSiteRow } from '../entities/waste-site.entity';
import { type WasteScope, whereAnomalyIn, whereDayIn } from './waste-scope';

interface AnomalyJoinRow {
  type: string;
  message: string;
  barcode: string | null;
  stationId: string | null;
  siteName: string | null;
  siteDistrict: string | null;
  bagDistrict: string | null;
  category: string | null;
  day: string;
  recordedAt: string;
  txId: string;
  seq: number | string;
  eventName: string;
}

/** Anomalies from the index, newest first, with their site's name and district and their bag's category. */
@Injectable()
export class WasteAnomalyQueryService {
  constructor(private readonly database: Database) {}

  listAnomalies(query: ListAnomaliesQuery): Promise<AnomalyPage> {
    return this.database.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(WasteAnomalyRow, 'a')
        .leftJoin(WasteSiteRow, 'site', 'site.site_id = a.station_id')
        .leftJoin(WasteBagRow, 'bag', 'bag.barcode = a.barcode');
      if (query.kind !== undefined) builder.andWhere('a.type = :kind', { kind: query.kind });
      whereAnomalyIn(builder, scopeOf(query));
      if (query.districtCode !== undefined && query.stationId !== undefined) {
        // both given: the station's anomalies, if that station is in the district
        whereAnomalyIn(builder, { kind: 'DISTRICT', districtCode: query.districtCode });
      }
      whereDayIn(builder, 'a.day', query);
      const total = await builder.getCount();
      const rows = await builder
        .select('a.type', 'type')
        .addSelect('a.message', 'message')
        .addSelect('a.barcode', 'barcode')
        .addSelect('a.station_id', 'stationId')
        .addSelect('site.name', 'siteName')
        .addSelect('site.district_code', 'siteDistrict')
        .addSelect('bag.district_code', 'bagDistrict')
        .addSelect('bag.category', 'category')
        .addSelect('a.day', 'day')
        .addSelect('a.recorded_at', 'recordedAt')
        .addSelect('a.tx_id', 'txId')
        .addSelect('a.seq', 'seq')
        .addSelect('a.event_name', 'eventName')
        .orderBy('a.day', 'DESC')
        .addOrderBy('a.recorded_at', 'DESC')
        .addOrderBy('a.tx_id', 'ASC')
        .addOrderBy('a.seq', 'ASC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<AnomalyJoinRow>();
      return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
    });
  }
}

/** The station when given (the narrower), else the district, else the city. */
function scopeOf(query: ListAnomaliesQuery): WasteScope {
  if (query.stationId !== undefined) return { kind: 'STATION', stationId: query.stationId };
  if (query.districtCode !== undefined) return { kind: 'DISTRICT', districtCode: query.districtCode };
  return { kind: 'CITY' };
}

function toSummary(row: AnomalyJoinRow): AnomalySummary {
  return {
    type: row.type,
    message: row.message,
    barcode: row.barcode,
    stationId: row.stationId,
    siteName: row.siteName,
    // the district the anomaly counts for (waste-scope.ts): its site's, else its bag's
    districtCode: row.stationId !== null ? row.siteDistrict : row.bagDistrict,
    category: row.category,
    day: row.day,
    recordedAt: row.recordedAt,
    txId: row.txId,
    seq: Number(row.seq),
    eventName: row.eventName,
  };
}
