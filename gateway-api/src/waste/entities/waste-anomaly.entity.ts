import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per anomaly of a waste event, keyed by (transaction id, position in the event's list), so
 * a redelivered event maps to the same keys and adds nothing.
 */
@Entity({ name: 'waste_anomalies' })
@Index('IDX_waste_anomalies_station_day', ['stationId', 'day'])
// the anomaly list and totals by day, by kind, and by bag (district, category) (migration 1795478408000)
@Index('IDX_waste_anomalies_day', ['day', 'recordedAt'])
@Index('IDX_waste_anomalies_type_day', ['type', 'day'])
@Index('IDX_waste_anomalies_barcode', ['barcode'])
export class WasteAnomalyRow {
  @PrimaryColumn({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @PrimaryColumn({ name: 'seq', type: 'integer' })
  seq!: number;

  /** The event it came from, e.g. WasteScansRecorded. */
  @Column({ name: 'event_name', type: 'varchar', length: 64 })
  eventName!: string;

  @Column({ name: 'type', type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'message', type: 'text' })
  message!: string;

  @Column({ name: 'barcode', type: 'varchar', length: 64, nullable: true })
  barcode!: string | null;

  /** Position of the item in the request, when the anomaly is about one item. */
  @Column({ name: 'item_index', type: 'integer', nullable: true })
  itemIndex!: number | null;

  /** The station, when the event tells it for this item (null for a refused scan: see README). */
  @Column({ name: 'station_id', type: 'varchar', length: 64, nullable: true })
  stationId!: string | null;

  /** +08:00 day of the item's device time, else of the transaction time. */
  @Column({ name: 'day', type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt!: string;
}
