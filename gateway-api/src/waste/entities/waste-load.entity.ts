import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * A load as it left a station (hop 1) or a transfer station (hop 2): WasteCollectionRecorded, then
 * counted on as its bags arrive (WasteDeliveryRecorded) and corrected (WasteLoadWeightCorrected).
 * Migration 1795478410000. A load is OVERDUE at query time (arrived_bags 0, left before the deadline).
 */
@Entity({ name: 'waste_loads' })
@Index('IDX_waste_loads_vehicle_day', ['vehicleId', 'day'])
@Index('IDX_waste_loads_station_day', ['stationId', 'day'])
@Index('IDX_waste_loads_day', ['day', 'collectedUtc'])
@Index('IDX_waste_loads_arrival', ['arrivedBags', 'collectedUtc'])
export class WasteLoadRow {
  /** The collecting transaction's id. */
  @PrimaryColumn({ name: 'load_id', type: 'varchar', length: 128 })
  loadId!: string;

  @Column({ name: 'vehicle_id', type: 'varchar', length: 16 })
  vehicleId!: string;

  @Column({ name: 'station_id', type: 'varchar', length: 64 })
  stationId!: string;

  /** STATION or TRANSFER (events before hops: STATION). */
  @Column({ name: 'site_kind', type: 'varchar', length: 16 })
  siteKind!: string;

  @Column({ name: 'hop', type: 'integer' })
  hop!: number;

  /** As the device reported it, with its zone; `day` is its Asia/Shanghai date. */
  @Column({ name: 'collected_at', type: 'varchar', length: 40 })
  collectedAt!: string;

  /** The same instant in UTC (toISOString), so the arrival deadline compares as text. */
  @Column({ name: 'collected_utc', type: 'varchar', length: 24 })
  collectedUtc!: string;

  @Column({ name: 'day', type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'bags', type: 'integer' })
  bags!: number;

  /** Bags of this load that arrived at a transfer station or facility. */
  @Column({ name: 'arrived_bags', type: 'integer' })
  arrivedBags!: number;

  @Column({ name: 'load_weight_grams', type: 'integer' })
  loadWeightGrams!: number;

  /** The latest correction's weight, null until a person corrects the weighing. */
  @Column({ name: 'corrected_weight_grams', type: 'integer', nullable: true })
  correctedWeightGrams!: number | null;

  /** When that correction was made: an older one redelivered never replaces a newer one. */
  @Column({ name: 'corrected_at', type: 'varchar', length: 24, nullable: true })
  correctedAt!: string | null;

  @Column({ name: 'scanned_weight_grams', type: 'integer' })
  scannedWeightGrams!: number;

  @Column({ name: 'device_reported', type: 'boolean' })
  deviceReported!: boolean;

  @Column({ name: 'off_route', type: 'boolean' })
  offRoute!: boolean;

  /** How many anomalies the load itself has (weight, capacity, route), not its bags'. */
  @Column({ name: 'anomalies', type: 'integer' })
  anomalies!: number;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
