import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Migrations are frozen history: they spell out their tables instead of importing the entities, so a
// later change to an entity cannot silently change what an old migration does. The Table API emits
// each database's own DDL, so one migration serves SQLite and PostgreSQL.

export class CreateIndexCheckpoints1795478400000 implements MigrationInterface {
  readonly name = 'CreateIndexCheckpoints1795478400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'index_checkpoints',
        columns: [
          { name: 'stream', type: 'varchar', length: '64', isPrimary: true },
          { name: 'block_number', type: 'bigint' },
          { name: 'transaction_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('index_checkpoints');
  }
}
