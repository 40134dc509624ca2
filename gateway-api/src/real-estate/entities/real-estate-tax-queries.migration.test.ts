import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DATABASE_SETUP_TIMEOUT_MS, TEST_DATABASES } from '../../../test/support/databases';
import { createDataSourceOptions } from '../../index-db/database/data-source-options';
import { type DatabaseConfig } from '../../index-db/database/database-config';
import { MIGRATIONS } from '../../index-db/migrations';
import { RealEstateTaxQueries1795478406500 } from './1795478406500-real-estate-tax-queries';

// An index built by an older gateway has projected acts without the clearance they name and passed the
// clearance events: the migration empties the real-estate rows and moves the checkpoint back to block 0,
// so the listener projects them again with the new columns and table; other domains' rows stay.

Logger.overrideLogger(false);

async function migrated(config: DatabaseConfig, migrations: readonly unknown[]): Promise<DataSource> {
  return new DataSource({
    ...createDataSourceOptions(config),
    migrations: migrations as (typeof MIGRATIONS)[number][],
  }).initialize();
}

describe.each(TEST_DATABASES)('migration RealEstateTaxQueries1795478406500 on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  beforeAll(() => database.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => database.tearDown());

  it('re-projects the real-estate index of an older gateway from block 0, keeping the other domains', async () => {
    const config = await database.fresh();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(RealEstateTaxQueries1795478406500));
    const older = await migrated(config, before);
    await older.query(
      "INSERT INTO index_checkpoints (stream, block_number, transaction_id, updated_at) VALUES ('chaincode-events', 42, NULL, '2026-03-01T00:00:00.000Z')",
    );
    await older.query(
      'INSERT INTO re_acts (registration_id, unit_number, sequence, type, certificate_number, unit_status, ' +
        "tx_id, block_number, registered_at, clerk_msp_id, clerk_id) VALUES ('r-1', 'u', 1, 'TRANSFER', NULL, " +
        "'REGISTERED', 'tx-1', 40, '2026-03-01T00:00:00.000Z', 'RegistryMSP', 'x509::/CN=c::/CN=ca')",
    );
    await older.query(
      "INSERT INTO waste_sites (site_id, kind, district_code, name, registered_at, tx_id, block_number) VALUES ('S-1', 'STATION', '440103', 'x', '2026-03-01T00:00:00.000Z', 'tx-2', 41)",
    );
    await older.destroy();

    const upgraded = await migrated(config, MIGRATIONS);
    try {
      const count = async (table: string): Promise<number> => {
        const [row] = await upgraded.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
        return Number(row?.n);
      };
      expect(await count('re_acts')).toBe(0);
      expect(await count('tax_clearances')).toBe(0);
      expect(await count('waste_sites')).toBe(1);
      const [checkpoint] = await upgraded.query<
        { block_number: string | number; transaction_id: string | null }[]
      >('SELECT block_number, transaction_id FROM index_checkpoints');
      expect([Number(checkpoint?.block_number), checkpoint?.transaction_id]).toEqual([0, null]);
    } finally {
      await upgraded.destroy();
    }
  });
});
