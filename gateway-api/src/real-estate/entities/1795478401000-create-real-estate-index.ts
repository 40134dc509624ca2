import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** The real-estate index: units, certificates and acts projected from RealEstateRegistered. */
export class CreateRealEstateIndex1795478401000 implements MigrationInterface {
  readonly name = 'CreateRealEstateIndex1795478401000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 're_units',
        columns: [
          { name: 'unit_number', type: 'varchar', length: '28', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'title_certificate', type: 'varchar', length: '64', isNullable: true },
          { name: 'holders', type: 'text' },
          { name: 'sequence', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '24' },
          { name: 'last_registration_id', type: 'varchar', length: '48' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 're_certificates',
        columns: [
          { name: 'certificate_number', type: 'varchar', length: '64', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'unit_number', type: 'varchar', length: '28' },
          { name: 'registration_id', type: 'varchar', length: '48' },
          { name: 'content_hash', type: 'varchar', length: '64' },
          { name: 'issued_at', type: 'varchar', length: '24' },
          { name: 'status_changed_at', type: 'varchar', length: '24', isNullable: true },
        ],
        indices: [{ name: 'IDX_re_certificates_unit', columnNames: ['unit_number'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 're_acts',
        columns: [
          { name: 'registration_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'unit_number', type: 'varchar', length: '28' },
          { name: 'sequence', type: 'integer' },
          { name: 'type', type: 'varchar', length: '24' },
          { name: 'certificate_number', type: 'varchar', length: '64', isNullable: true },
          { name: 'unit_status', type: 'varchar', length: '16' },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
          { name: 'registered_at', type: 'varchar', length: '24' },
          { name: 'clerk_msp_id', type: 'varchar', length: '64' },
          { name: 'clerk_id', type: 'text' },
        ],
        indices: [
          { name: 'IDX_re_acts_tx_id', columnNames: ['tx_id'], isUnique: true },
          { name: 'IDX_re_acts_unit', columnNames: ['unit_number', 'sequence'] },
          { name: 'IDX_re_acts_registered_at', columnNames: ['registered_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('re_acts');
    await queryRunner.dropTable('re_certificates');
    await queryRunner.dropTable('re_units');
  }
}
