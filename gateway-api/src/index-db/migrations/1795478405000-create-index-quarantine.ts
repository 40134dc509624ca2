import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Events the index set aside instead of projecting (src/index-db/quarantine: IndexQuarantinedEvent).
// Spelled out rather than imported from the entity (frozen history).

export class CreateIndexQuarantine1795478405000 implements MigrationInterface {
  readonly name = 'CreateIndexQuarantine1795478405000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'index_quarantine',
        columns: [
          { name: 'transaction_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'event_name', type: 'varchar', length: '128', isPrimary: true },
          { name: 'block_number', type: 'bigint' },
          { name: 'chaincode', type: 'varchar', length: '128' },
          { name: 'reason_code', type: 'varchar', length: '32' },
          { name: 'reason', type: 'text' },
          { name: 'payload_base64', type: 'text' },
          { name: 'payload_size', type: 'integer' },
          { name: 'quarantined_at', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('index_quarantine');
  }
}
