import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';

// Issue 18: registered vehicles and bins, loads with their hop and arrivals (src/waste/entities:
// WasteVehicleRow, WasteBinRow, WasteLoadRow), and a bag movement step long enough for
// TRANSFER_DEPARTED (17 characters). Spelled out rather than imported from the entities (frozen history).

const registration = [
  { name: 'status', type: 'varchar', length: '8' },
  { name: 'registered_at', type: 'varchar', length: '24' },
  { name: 'retired_at', type: 'varchar', length: '24', isNullable: true },
  { name: 'tx_id', type: 'varchar', length: '128' },
  { name: 'block_number', type: 'bigint' },
];

export class WasteHopsFleet1795478410000 implements MigrationInterface {
  readonly name = 'WasteHopsFleet1795478410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'waste_vehicles',
        columns: [
          { name: 'vehicle_id', type: 'varchar', length: '16', isPrimary: true },
          { name: 'company_uscc', type: 'varchar', length: '18' },
          { name: 'rfid_tag', type: 'varchar', length: '24' },
          { name: 'capacity_kg', type: 'integer' },
          ...registration,
        ],
        indices: [
          { name: 'IDX_waste_vehicles_status', columnNames: ['status', 'vehicle_id'] },
          { name: 'IDX_waste_vehicles_company', columnNames: ['company_uscc', 'vehicle_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_bins',
        columns: [
          { name: 'bin_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'site_id', type: 'varchar', length: '64' },
          { name: 'rfid_tag', type: 'varchar', length: '24' },
          { name: 'category', type: 'varchar', length: '2' },
          ...registration,
        ],
        indices: [
          { name: 'IDX_waste_bins_site', columnNames: ['site_id', 'bin_id'] },
          { name: 'IDX_waste_bins_status', columnNames: ['status', 'bin_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_loads',
        columns: [
          { name: 'load_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'vehicle_id', type: 'varchar', length: '16' },
          { name: 'station_id', type: 'varchar', length: '64' },
          { name: 'site_kind', type: 'varchar', length: '16' },
          { name: 'hop', type: 'integer' },
          { name: 'collected_at', type: 'varchar', length: '40' },
          { name: 'collected_utc', type: 'varchar', length: '24' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'bags', type: 'integer' },
          { name: 'arrived_bags', type: 'integer' },
          { name: 'load_weight_grams', type: 'integer' },
          { name: 'corrected_weight_grams', type: 'integer', isNullable: true },
          { name: 'corrected_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'scanned_weight_grams', type: 'integer' },
          { name: 'device_reported', type: 'boolean' },
          { name: 'off_route', type: 'boolean' },
          { name: 'anomalies', type: 'integer' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [
          { name: 'IDX_waste_loads_vehicle_day', columnNames: ['vehicle_id', 'day'] },
          { name: 'IDX_waste_loads_station_day', columnNames: ['station_id', 'day'] },
          { name: 'IDX_waste_loads_day', columnNames: ['day', 'collected_utc'] },
          { name: 'IDX_waste_loads_arrival', columnNames: ['arrived_bags', 'collected_utc'] },
        ],
      }),
    );
    await queryRunner.changeColumn(
      'waste_bag_movements',
      'step',
      new TableColumn({ name: 'step', type: 'varchar', length: '20', isPrimary: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'waste_bag_movements',
      'step',
      new TableColumn({ name: 'step', type: 'varchar', length: '16', isPrimary: true }),
    );
    await queryRunner.dropTable('waste_loads');
    await queryRunner.dropTable('waste_bins');
    await queryRunner.dropTable('waste_vehicles');
  }
}
