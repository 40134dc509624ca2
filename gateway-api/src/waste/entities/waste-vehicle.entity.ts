import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { RegistrationColumns } from './registration-columns';

/** Registered vehicles (WasteVehicleRegistered, then WasteVehicleRetired); migration 1795478410000. */
@Entity({ name: 'waste_vehicles' })
@Index('IDX_waste_vehicles_status', ['status', 'vehicleId'])
@Index('IDX_waste_vehicles_company', ['companyUscc', 'vehicleId'])
export class WasteVehicleRow extends RegistrationColumns {
  /** The plate (CJK, e.g. 粤A12345D). */
  @PrimaryColumn({ name: 'vehicle_id', type: 'varchar', length: 16 })
  vehicleId!: string;

  @Column({ name: 'company_uscc', type: 'varchar', length: 18 })
  companyUscc!: string;

  @Column({ name: 'rfid_tag', type: 'varchar', length: 24 })
  rfidTag!: string;

  @Column({ name: 'capacity_kg', type: 'integer' })
  capacityKg!: number;
}
