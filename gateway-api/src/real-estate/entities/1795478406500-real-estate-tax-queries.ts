import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

// The real-estate and tax lists of issue 17 (src/real-estate/entities): re_acts learns the clearance a
// TRANSFER used and the clerk's common name, re_certificates gets an index for the issued-day range,
// and tax_clearances holds the deed-tax clearances (DeedTaxClearanceRecorded, not projected before).
// Spelled out rather than imported from the entities (frozen history).
//
// Both new facts exist only in the events, which an index migrated from an older gateway has already
// passed: its real-estate rows are emptied and the checkpoint goes back to block 0, so the listener
// reads the channel again and projects every act and clearance anew. Every other projector recognises
// a transaction it has projected (Projector contract) and changes nothing the second time.

const ACT_COLUMNS = [
  new TableColumn({ name: 'deed_tax_clearance_number', type: 'varchar', length: '40', isNullable: true }),
  new TableColumn({ name: 'clerk_name', type: 'varchar', length: '64', isNullable: true }),
];

const ACT_INDICES = [
  new TableIndex({ name: 'IDX_re_acts_certificate', columnNames: ['certificate_number'] }),
  new TableIndex({ name: 'IDX_re_acts_clerk_name', columnNames: ['clerk_name'] }),
  new TableIndex({
    name: 'IDX_re_acts_clearance',
    columnNames: ['deed_tax_clearance_number', 'unit_number'],
  }),
];

const CERTIFICATE_ISSUED_AT = new TableIndex({
  name: 'IDX_re_certificates_issued_at',
  columnNames: ['issued_at'],
});

export class RealEstateTaxQueries1795478406500 implements MigrationInterface {
  readonly name = 'RealEstateTaxQueries1795478406500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM re_acts');
    await queryRunner.query('DELETE FROM re_certificates');
    await queryRunner.query('DELETE FROM re_units');
    await queryRunner.query(
      "UPDATE index_checkpoints SET block_number = 0, transaction_id = NULL WHERE stream = 'chaincode-events'",
    );
    await queryRunner.addColumns('re_acts', ACT_COLUMNS);
    await queryRunner.createIndices('re_acts', ACT_INDICES);
    await queryRunner.createIndex('re_certificates', CERTIFICATE_ISSUED_AT);
    await queryRunner.createTable(
      new Table({
        name: 'tax_clearances',
        columns: [
          { name: 'unit_number', type: 'varchar', length: '28', isPrimary: true },
          { name: 'clearance_number', type: 'varchar', length: '40', isPrimary: true },
          { name: 'title_version', type: 'integer' },
          { name: 'transferee_count', type: 'integer' },
          { name: 'tax_paid_fen', type: 'bigint', isNullable: true },
          { name: 'recorded_at', type: 'varchar', length: '24' },
          { name: 'officer_msp_id', type: 'varchar', length: '64' },
          { name: 'officer_id', type: 'text' },
          { name: 'officer_name', type: 'varchar', length: '64', isNullable: true },
          { name: 'tx_id', type: 'varchar', length: '128' },
          { name: 'block_number', type: 'bigint' },
        ],
        indices: [
          { name: 'IDX_tax_clearances_tx_id', columnNames: ['tx_id'], isUnique: true },
          { name: 'IDX_tax_clearances_number', columnNames: ['clearance_number'] },
          { name: 'IDX_tax_clearances_recorded_at', columnNames: ['recorded_at'] },
          { name: 'IDX_tax_clearances_officer', columnNames: ['officer_msp_id', 'officer_name'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('tax_clearances');
    await queryRunner.dropIndex('re_certificates', CERTIFICATE_ISSUED_AT.name ?? '');
    for (const index of ACT_INDICES) await queryRunner.dropIndex('re_acts', index.name ?? '');
    await queryRunner.dropColumns('re_acts', ACT_COLUMNS);
  }
}
