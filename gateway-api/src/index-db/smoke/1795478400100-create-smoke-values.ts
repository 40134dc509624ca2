import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class CreateSmokeValues1795478400100 implements MigrationInterface {
  readonly name = 'CreateSmokeValues1795478400100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'smoke_values',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '24' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'smoke_value_events',
        columns: [
          { name: 'tx_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'key', type: 'varchar', length: '64' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_smoke_value_events_key', columnNames: ['key'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('smoke_value_events');
    await queryRunner.dropTable('smoke_values');
  }
}
