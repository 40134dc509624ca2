import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/** The steps a bag moves by after its scan, as the chaincode names them (BagSteps). */
export type MovementStep = 'LOADED' | 'TRANSFER_ARRIVED' | 'TRANSFER_DEPARTED' | 'DELIVERED';

/**
 * A bag loaded onto a truck at a station (LOADED), arrived at a transfer station (TRANSFER_ARRIVED),
 * loaded again there (TRANSFER_DEPARTED) or delivered to a facility (DELIVERED), one row per bag and step:
 * the ledger records each step of a bag once, so (barcode, step) is the key and a redelivered event
 * adds nothing. Collection at a station is in waste_scans.
 */
@Entity({ name: 'waste_bag_movements' })
@Index('IDX_waste_bag_movements_site_day', ['siteId', 'day'])
export class WasteBagMovementRow {
  @PrimaryColumn({ name: 'barcode', type: 'varchar', length: 18 })
  barcode!: string;

  // 20 since migration 1795478410000 (TRANSFER_DEPARTED)
  @PrimaryColumn({ name: 'step', type: 'varchar', length: 20 })
  step!: MovementStep;

  /** The station (LOADED), the transfer station (TRANSFER_*) or the facility (DELIVERED). */
  @Column({ name: 'site_id', type: 'varchar', length: 64 })
  siteId!: string;

  @Column({ name: 'vehicle_id', type: 'varchar', length: 64 })
  vehicleId!: string;

  /** When it happened, as the device reported it; `day` is its Asia/Shanghai date. */
  @Column({ name: 'at', type: 'varchar', length: 40 })
  at!: string;

  @Column({ name: 'day', type: 'varchar', length: 10 })
  day!: string;

  /** DELIVERED only: RECYCLED, COMPOSTED, INCINERATED, LANDFILLED or HAZARDOUS_TREATED. */
  @Column({ name: 'outcome', type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;

  /** The load (LOADED, TRANSFER_DEPARTED) or delivery record (its transaction id). */
  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
