import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * One row per accepted scan (the bag's COLLECTED step). The ledger accepts at most one scan per bag,
 * so the barcode is the primary key: re-projecting an event inserts nothing twice.
 */
@Entity({ name: 'waste_scans' })
@Index('IDX_waste_scans_station_day', ['stationId', 'day'])
// the city's daily totals (migration 1795478408000)
@Index('IDX_waste_scans_day', ['day'])
export class WasteScanRow {
  @PrimaryColumn({ name: 'barcode', type: 'varchar', length: 18 })
  barcode!: string;

  @Column({ name: 'station_id', type: 'varchar', length: 64 })
  stationId!: string;

  /** Asia/Shanghai (fixed +08:00) date of scannedAt, YYYY-MM-DD: the station's local day. */
  @Column({ name: 'day', type: 'varchar', length: 10 })
  day!: string;

  /** Device time exactly as sent (ISO-8601 with its zone; an offline backlog keeps its times). */
  @Column({ name: 'scanned_at', type: 'varchar', length: 40 })
  scannedAt!: string;

  /** The barcode's category (01–04), the one the bag was commissioned for. */
  @Column({ name: 'category', type: 'varchar', length: 2 })
  category!: string;

  /** The category the station reported, when it did. */
  @Column({ name: 'reported_category', type: 'varchar', length: 2, nullable: true })
  reportedCategory!: string | null;

  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode!: string;

  @Column({ name: 'weight_grams', type: 'integer' })
  weightGrams!: number;

  /** CONFORMANT, NON_CONFORMANT or UNCHECKED. */
  @Column({ name: 'quality', type: 'varchar', length: 16 })
  quality!: string;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
