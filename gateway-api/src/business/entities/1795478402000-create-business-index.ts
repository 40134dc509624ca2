import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** The business opening projection (src/business/entities): cases, their steps, licences, projected txs. */
export class CreateBusinessIndex1795478402000 implements MigrationInterface {
  readonly name = 'CreateBusinessIndex1795478402000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'business_cases',
        columns: [
          { name: 'case_id', type: 'varchar', length: '24', isPrimary: true },
          { name: 'uscc', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'normalised_name', type: 'varchar', length: '200' },
          { name: 'entity_type', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'steps_done', type: 'integer' },
          { name: 'opened_at', type: 'varchar', length: '24' },
          { name: 'completed_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'target_deadline', type: 'varchar', length: '24', isNullable: true },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [
          { name: 'IDX_business_cases_status_opened', columnNames: ['status', 'opened_at'] },
          { name: 'IDX_business_cases_normalised_name', columnNames: ['normalised_name'] },
          { name: 'IDX_business_cases_uscc', columnNames: ['uscc'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_case_steps',
        columns: [
          { name: 'case_id', type: 'varchar', length: '24', isPrimary: true },
          { name: 'step', type: 'varchar', length: '16', isPrimary: true },
          { name: 'completed_at', type: 'varchar', length: '24' },
          { name: 'completed_by_msp', type: 'varchar', length: '64' },
          { name: 'tx_id', type: 'varchar', length: '128' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_licenses',
        columns: [
          { name: 'uscc', type: 'varchar', length: '18', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '24' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'established_at', type: 'varchar', length: '24' },
          { name: 'status_changed_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'status_reason', type: 'text', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_projected_transactions',
        columns: [
          { name: 'tx_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'event_name', type: 'varchar', length: '64' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('business_projected_transactions');
    await queryRunner.dropTable('business_licenses');
    await queryRunner.dropTable('business_case_steps');
    await queryRunner.dropTable('business_cases');
  }
}
