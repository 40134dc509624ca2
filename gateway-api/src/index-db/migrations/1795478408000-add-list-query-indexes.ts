import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

// Indexes for issue 17's business and waste lists and totals: each filter and order of those queries
// reads an index rather than the whole table. Only indexes: no table or column changes, so an index
// built by an older gateway keeps its rows. Spelled out (frozen history), like the entities' @Index.

const INDEXES: readonly [table: string, name: string, columns: string[]][] = [
  ['business_cases', 'IDX_business_cases_opened', ['opened_at', 'case_id']],
  ['business_licenses', 'IDX_business_licenses_status', ['status', 'uscc']],
  ['waste_bags', 'IDX_waste_bags_district_category', ['district_code', 'category', 'barcode']],
  ['waste_bags', 'IDX_waste_bags_category', ['category', 'barcode']],
  ['waste_anomalies', 'IDX_waste_anomalies_day', ['day', 'recorded_at']],
  ['waste_anomalies', 'IDX_waste_anomalies_type_day', ['type', 'day']],
  ['waste_anomalies', 'IDX_waste_anomalies_barcode', ['barcode']],
  ['waste_sites', 'IDX_waste_sites_district', ['district_code']],
  ['waste_scans', 'IDX_waste_scans_day', ['day']],
];

export class AddListQueryIndexes1795478408000 implements MigrationInterface {
  readonly name = 'AddListQueryIndexes1795478408000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDEXES) {
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...INDEXES].reverse()) await queryRunner.dropIndex(table, name);
  }
}
