import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class CreateIdempotencyRecords1795478400200 implements MigrationInterface {
  readonly name = 'CreateIdempotencyRecords1795478400200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          { name: 'user_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'attempt_id', type: 'varchar', length: '36' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'request_method', type: 'varchar', length: '16' },
          { name: 'request_path', type: 'text' },
          { name: 'body_sha256', type: 'varchar', length: '64' },
          { name: 'response_status', type: 'integer', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'expires_at', type: 'varchar', length: '24' },
        ],
        // the periodic purge deletes by expiry
        indices: [{ name: 'IDX_idempotency_records_expires_at', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_records');
  }
}
