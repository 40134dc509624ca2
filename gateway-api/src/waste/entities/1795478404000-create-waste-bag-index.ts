import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Commissioned bags and their loads and deliveries (src/waste/entities: WasteBagRow,
// WasteBagMovementRow). Spelled out rather than imported from the entities (frozen history).

export class CreateWasteBagIndex1795478404000 implements MigrationInterface {
  readonly name = 'CreateWasteBagIndex1795478404000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'waste_bags',
        columns: [
          { name: 'barcode', type: 'varchar', length: '18', isPrimary: true },
          { name: 'batch_id', type: 'varchar', length: '18' },
          { name: 'district_code', type: 'varchar', length: '6' },
          { name: 'category', type: 'varchar', length: '2' },
          { name: 'serial', type: 'integer' },
          { name: 'commissioned_at', type: 'varchar', length: '40' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_waste_bags_batch', columnNames: ['batch_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_bag_movements',
        columns: [
          { name: 'barcode', type: 'varchar', length: '18', isPrimary: true },
          { name: 'step', type: 'varchar', length: '16', isPrimary: true },
          { name: 'site_id', type: 'varchar', length: '64' },
          { name: 'vehicle_id', type: 'varchar', length: '64' },
          { name: 'at', type: 'varchar', length: '40' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'outcome', type: 'varchar', length: '32', isNullable: true },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_waste_bag_movements_site_day', columnNames: ['site_id', 'day'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('waste_bag_movements');
    await queryRunner.dropTable('waste_bags');
  }
}
