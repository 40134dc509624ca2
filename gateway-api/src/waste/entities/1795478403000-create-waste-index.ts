import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// The waste index (src/waste/entities): sites, one row per accepted scan, one row per anomaly. Spelled
// out rather than imported from the entities, like every migration (frozen history).

export class CreateWasteIndex1795478403000 implements MigrationInterface {
  readonly name = 'CreateWasteIndex1795478403000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'waste_sites',
        columns: [
          { name: 'site_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'district_code', type: 'varchar', length: '6' },
          { name: 'name', type: 'varchar', length: '400' },
          { name: 'registered_at', type: 'varchar', length: '24' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_scans',
        columns: [
          { name: 'barcode', type: 'varchar', length: '18', isPrimary: true },
          { name: 'station_id', type: 'varchar', length: '64' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'scanned_at', type: 'varchar', length: '40' },
          { name: 'category', type: 'varchar', length: '2' },
          { name: 'reported_category', type: 'varchar', length: '2', isNullable: true },
          { name: 'district_code', type: 'varchar', length: '6' },
          { name: 'weight_grams', type: 'integer' },
          { name: 'quality', type: 'varchar', length: '16' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_waste_scans_station_day', columnNames: ['station_id', 'day'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_anomalies',
        columns: [
          { name: 'tx_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'event_name', type: 'varchar', length: '64' },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'message', type: 'text' },
          { name: 'barcode', type: 'varchar', length: '64', isNullable: true },
          { name: 'item_index', type: 'integer', isNullable: true },
          { name: 'station_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'recorded_at', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'IDX_waste_anomalies_station_day', columnNames: ['station_id', 'day'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('waste_anomalies');
    await queryRunner.dropTable('waste_scans');
    await queryRunner.dropTable('waste_sites');
  }
}
