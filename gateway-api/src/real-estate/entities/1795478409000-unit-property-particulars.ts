import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

// Issue 17's structured particulars: re_units keeps the unit's location, area and usage, as the
// chaincode's unit record now holds them (realestate/property-particulars.ts). Spelled out rather
// than imported from the entities (frozen history).
//
// The facts come only from RealEstateRegistered events, which an index from an older gateway has
// already passed, so the real-estate rows are emptied and the checkpoint goes back to block 0, as
// 1795478406500 does: the listener reads the channel again and every other projector recognises the
// transactions it projected before. Run together with 1795478406500, the channel is read once.

const UNIT_COLUMNS = [
  new TableColumn({ name: 'location', type: 'varchar', length: '400', isNullable: true }),
  /** Exactly two decimals, as the chaincode writes it ("89.50"): text, so no rounding anywhere. */
  new TableColumn({ name: 'area_m2', type: 'varchar', length: '16', isNullable: true }),
  new TableColumn({ name: 'usage', type: 'varchar', length: '16', isNullable: true }),
];

export class UnitPropertyParticulars1795478409000 implements MigrationInterface {
  readonly name = 'UnitPropertyParticulars1795478409000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM re_acts');
    await queryRunner.query('DELETE FROM re_certificates');
    await queryRunner.query('DELETE FROM re_units');
    await queryRunner.query(
      "UPDATE index_checkpoints SET block_number = 0, transaction_id = NULL WHERE stream = 'chaincode-events'",
    );
    await queryRunner.addColumns('re_units', UNIT_COLUMNS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('re_units', UNIT_COLUMNS);
  }
}
