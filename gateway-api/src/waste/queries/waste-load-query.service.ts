import { Injectable } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';

import { eachDay } from '../../common/day-range';
import { Database } from '../../index-db/database/database';
import { type ListLoadsQuery, type LoadPage, type LoadStatus, type LoadSummary } from '../dto/load.dto';
import { type VehicleDailyStatsResponse, type VehicleDayTotals } from '../dto/vehicle-stats.dto';
import { WasteLoadRow } from '../entities/waste-load.entity';
import { WasteVehicleRow } from '../entities/waste-vehicle.entity';
import { NotFoundError } from '../../common/errors';

/**
 * A load's status at query time, as SQL over waste_loads `l` and the parameter `overdueBefore` (UTC
 * ISO text, as collected_utc): ARRIVED once any bag arrived, else OVERDUE past the deadline.
 */
const STATUS_CONDITIONS: Readonly<Record<LoadStatus, string>> = {
  ARRIVED: 'l.arrived_bags > 0',
  OVERDUE: 'l.arrived_bags = 0 AND l.collected_utc < :overdueBefore',
  IN_TRANSIT: 'l.arrived_bags = 0 AND l.collected_utc >= :overdueBefore',
};

export function loadStatus(
  row: Pick<WasteLoadRow, 'arrivedBags' | 'collectedUtc'>,
  overdueBefore: string,
): LoadStatus {
  if (row.arrivedBags > 0) return 'ARRIVED';
  return row.collectedUtc < overdueBefore ? 'OVERDUE' : 'IN_TRANSIT';
}

/** Loads from the index, newest collection first, and each vehicle's days. */
@Injectable()
export class WasteLoadQueryService {
  constructor(private readonly database: Database) {}

  listLoads(query: ListLoadsQuery, overdueBefore: string): Promise<LoadPage> {
    return this.database.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(WasteLoadRow, 'l')
        .setParameter('overdueBefore', overdueBefore);
      filter(builder, query);
      const [rows, total] = await builder
        .orderBy('l.collected_utc', 'DESC')
        .addOrderBy('l.load_id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
      return {
        items: rows.map((row) => loadSummary(row, overdueBefore)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    });
  }

  /**
   * Per Asia/Shanghai day from `from` to `to`: trips (loads), their weight (the latest correction
   * where a person corrected the weighing) and anomalies (the loads' own, plus each OVERDUE load).
   * NOT_FOUND when the index holds no such vehicle.
   */
  vehicleDaily(
    vehicleId: string,
    from: string,
    to: string,
    overdueBefore: string,
  ): Promise<VehicleDailyStatsResponse> {
    return this.database.run(async (manager) => {
      if (!(await manager.existsBy(WasteVehicleRow, { vehicleId }))) {
        throw new NotFoundError(`Vehicle ${vehicleId} is not in the index`);
      }
      const rows = await manager
        .createQueryBuilder(WasteLoadRow, 'l')
        .select('l.day', 'day')
        .addSelect('COUNT(*)', 'trips')
        .addSelect('SUM(COALESCE(l.corrected_weight_grams, l.load_weight_grams))', 'weightGrams')
        .addSelect(
          `SUM(l.anomalies) + SUM(CASE WHEN ${STATUS_CONDITIONS.OVERDUE} THEN 1 ELSE 0 END)`,
          'anomalies',
        )
        .where('l.vehicle_id = :vehicleId', { vehicleId })
        .andWhere('l.day >= :from AND l.day <= :to', { from, to })
        .setParameter('overdueBefore', overdueBefore)
        .groupBy('l.day')
        .getRawMany<{ day: string; trips: unknown; weightGrams: unknown; anomalies: unknown }>();
      const byDay = new Map(rows.map((row) => [row.day, row]));
      const days = eachDay(from, to).map((date): VehicleDayTotals & { date: string } => {
        const row = byDay.get(date);
        return {
          date,
          trips: Number(row?.trips ?? 0),
          weightGrams: Number(row?.weightGrams ?? 0),
          anomalies: Number(row?.anomalies ?? 0),
        };
      });
      const totals = days.reduce(
        (sum, day) => ({
          trips: sum.trips + day.trips,
          weightGrams: sum.weightGrams + day.weightGrams,
          anomalies: sum.anomalies + day.anomalies,
        }),
        { trips: 0, weightGrams: 0, anomalies: 0 },
      );
      return { vehicleId, from, to, timeZone: '+08:00', days, totals };
    });
  }
}

function filter(builder: SelectQueryBuilder<WasteLoadRow>, query: ListLoadsQuery): void {
  if (query.vehicleId !== undefined)
    builder.andWhere('l.vehicle_id = :vehicle', { vehicle: query.vehicleId });
  if (query.stationId !== undefined)
    builder.andWhere('l.station_id = :station', { station: query.stationId });
  if (query.from !== undefined) builder.andWhere('l.day >= :from', { from: query.from });
  if (query.to !== undefined) builder.andWhere('l.day <= :to', { to: query.to });
  if (query.status !== undefined) builder.andWhere(`(${STATUS_CONDITIONS[query.status]})`);
}

function loadSummary(row: WasteLoadRow, overdueBefore: string): LoadSummary {
  return {
    loadId: row.loadId,
    vehicleId: row.vehicleId,
    stationId: row.stationId,
    siteKind: row.siteKind,
    hop: row.hop,
    collectedAt: row.collectedAt,
    day: row.day,
    bags: row.bags,
    arrivedBags: row.arrivedBags,
    loadWeightGrams: row.loadWeightGrams,
    correctedWeightGrams: row.correctedWeightGrams,
    scannedWeightGrams: row.scannedWeightGrams,
    // SQLite answers booleans as 0/1
    deviceReported: Boolean(row.deviceReported),
    offRoute: Boolean(row.offRoute),
    anomalies: row.anomalies,
    status: loadStatus(row, overdueBefore),
  };
}
