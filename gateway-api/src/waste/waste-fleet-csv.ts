import { StreamableFile } from '@nestjs/common';

import { type CsvColumn, csvText } from '../common/csv';
import { type BinSummary } from './dto/bin.dto';
import { type LoadSummary } from './dto/load.dto';
import { type VehicleDay, type VehicleDailyStatsResponse } from './dto/vehicle-stats.dto';
import { type VehicleSummary } from './dto/vehicle.dto';

// The CSV columns of the vehicle, bin and load lists and a vehicle's days: the JSON fields, flat.

export const VEHICLE_CSV_COLUMNS: readonly CsvColumn<VehicleSummary>[] = [
  { header: 'vehicleId', value: (row) => row.vehicleId },
  { header: 'companyUscc', value: (row) => row.companyUscc },
  { header: 'rfidTag', value: (row) => row.rfidTag },
  { header: 'capacityKg', value: (row) => row.capacityKg },
  { header: 'status', value: (row) => row.status },
  { header: 'registeredAt', value: (row) => row.registeredAt },
  { header: 'retiredAt', value: (row) => row.retiredAt },
];

export const BIN_CSV_COLUMNS: readonly CsvColumn<BinSummary>[] = [
  { header: 'binId', value: (row) => row.binId },
  { header: 'siteId', value: (row) => row.siteId },
  { header: 'rfidTag', value: (row) => row.rfidTag },
  { header: 'category', value: (row) => row.category },
  { header: 'status', value: (row) => row.status },
  { header: 'registeredAt', value: (row) => row.registeredAt },
  { header: 'retiredAt', value: (row) => row.retiredAt },
];

export const LOAD_CSV_COLUMNS: readonly CsvColumn<LoadSummary>[] = [
  { header: 'loadId', value: (row) => row.loadId },
  { header: 'vehicleId', value: (row) => row.vehicleId },
  { header: 'stationId', value: (row) => row.stationId },
  { header: 'siteKind', value: (row) => row.siteKind },
  { header: 'hop', value: (row) => row.hop },
  { header: 'collectedAt', value: (row) => row.collectedAt },
  { header: 'day', value: (row) => row.day },
  { header: 'bags', value: (row) => row.bags },
  { header: 'arrivedBags', value: (row) => row.arrivedBags },
  { header: 'loadWeightGrams', value: (row) => row.loadWeightGrams },
  { header: 'correctedWeightGrams', value: (row) => row.correctedWeightGrams },
  { header: 'scannedWeightGrams', value: (row) => row.scannedWeightGrams },
  { header: 'deviceReported', value: (row) => String(row.deviceReported) },
  { header: 'offRoute', value: (row) => String(row.offRoute) },
  { header: 'anomalies', value: (row) => row.anomalies },
  { header: 'status', value: (row) => row.status },
];

const VEHICLE_DAY_COLUMNS: readonly CsvColumn<VehicleDay & { vehicleId: string }>[] = [
  { header: 'vehicleId', value: (row) => row.vehicleId },
  { header: 'date', value: (row) => row.date },
  { header: 'trips', value: (row) => row.trips },
  { header: 'weightGrams', value: (row) => row.weightGrams },
  { header: 'anomalies', value: (row) => row.anomalies },
];

/**
 * A vehicle's days as CSV, one row per day. The plate stays out of the file name: a header carries
 * Latin-1 only, and 粤 is not.
 */
export function vehicleDailyCsv(stats: VehicleDailyStatsResponse): StreamableFile {
  const rows = stats.days.map((day) => ({ vehicleId: stats.vehicleId, ...day }));
  return new StreamableFile(Buffer.from(csvText(VEHICLE_DAY_COLUMNS, rows), 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="waste-vehicle-daily-${stats.from}-${stats.to}.csv"`,
  });
}
