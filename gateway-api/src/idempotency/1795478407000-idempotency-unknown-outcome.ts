import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

// Idempotency records of writes whose commit was never confirmed keep the transaction's id
// (state UNKNOWN_OUTCOME, src/idempotency/unknown-outcome.ts). `state` (varchar 16) already fits the
// new value. Spelled out rather than taken from the entity (frozen history).

export class IdempotencyUnknownOutcome1795478407000 implements MigrationInterface {
  readonly name = 'IdempotencyUnknownOutcome1795478407000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'idempotency_records',
      new TableColumn({ name: 'tx_id', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // the older code knows no UNKNOWN_OUTCOME: without the txId such a record cannot be resolved
    await queryRunner.query(`DELETE FROM idempotency_records WHERE state = 'UNKNOWN_OUTCOME'`);
    await queryRunner.dropColumn('idempotency_records', 'tx_id');
  }
}
