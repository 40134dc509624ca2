import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

// Failed public holder checks per certificate and UTC day (src/verify/holder-check:
// HolderCheckFailures). Spelled out rather than imported from the entity (frozen history).

export class CreateHolderCheckFailures1795478406000 implements MigrationInterface {
  readonly name = 'CreateHolderCheckFailures1795478406000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'verify_holder_check_failures',
        columns: [
          { name: 'certificate_number', type: 'varchar', length: '128', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'failures', type: 'integer' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('verify_holder_check_failures');
  }
}
