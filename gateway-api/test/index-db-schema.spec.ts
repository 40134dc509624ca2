import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';

import { readCheckpoint, writeBlockCheckpoint } from '../src/index-db/checkpoint/checkpoints';
import { MIGRATIONS } from '../src/index-db/migrations';
import {
  DATABASE_SETUP_TIMEOUT_MS,
  openDatabase,
  sqliteTestDatabase,
  TEST_DATABASES,
} from './support/databases';

// migration progress lines are not what these tests look at
Logger.overrideLogger(false);

const TABLES = [
  'index_checkpoints',
  'index_quarantine',
  'smoke_values',
  'smoke_value_events',
  'idempotency_records',
  're_units',
  're_certificates',
  're_acts',
  'tax_clearances',
  'business_cases',
  'business_case_steps',
  'business_licenses',
  'business_projected_transactions',
  'waste_sites',
  'waste_scans',
  'waste_anomalies',
  'verify_holder_check_failures',
];

async function existingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const present = await Promise.all(
      TABLES.map(async (table) => ((await runner.hasTable(table)) ? table : '')),
    );
    return present.filter((table) => table !== '');
  } finally {
    await runner.release();
  }
}

describe.each(TEST_DATABASES)('database schema on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  const opened: DataSource[] = [];

  beforeAll(() => database.setUp(), DATABASE_SETUP_TIMEOUT_MS);
  afterAll(() => database.tearDown());
  afterEach(async () => {
    for (const dataSource of opened.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
  });

  async function open(config?: Parameters<typeof openDatabase>[0]): Promise<DataSource> {
    const { dataSource } = await openDatabase(config ?? (await database.fresh()));
    opened.push(dataSource);
    return dataSource;
  }

  it('the migrations build exactly the schema the entities describe', async () => {
    const dataSource = await open();
    // what `typeorm migration:generate` would emit: nothing, or an entity and the migrations disagree
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    expect(await existingTables(dataSource)).toEqual(TABLES);
  });

  it('a second start runs no migration, and every migration reverts cleanly', async () => {
    const config = await database.fresh();
    const first = await open(config);
    await first.destroy();
    const second = await open(config);
    expect(await second.showMigrations()).toBe(false);
    for (let i = 0; i < MIGRATIONS.length; i += 1) await second.undoLastMigration();
    expect(await existingTables(second)).toEqual([]);
    await second.destroy();
    expect(await existingTables(await open(config))).toEqual(TABLES);
  });

  it('keeps block numbers beyond 32 bits exact', async () => {
    const { dataSource } = await openDatabase(await database.fresh());
    opened.push(dataSource);
    const blockNumber = 2n ** 40n + 7n;
    await writeBlockCheckpoint(dataSource.manager, 'test', blockNumber);
    expect(await readCheckpoint(dataSource.manager, 'test')).toEqual({ blockNumber });
  });
});

describe('SQLite settings', () => {
  const database = sqliteTestDatabase();
  afterAll(() => database.tearDown());

  it('uses write-ahead logging and waits for a busy database instead of failing at once', async () => {
    const { dataSource } = await openDatabase(await database.fresh());
    try {
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('creates the folder of a database file that does not exist yet', async () => {
    const config = await database.fresh();
    if (config.type !== 'sqlite') throw new Error('expected SQLite');
    const { dataSource } = await openDatabase({
      type: 'sqlite',
      path: `${config.path}.d/nested/index.sqlite`,
    });
    await dataSource.destroy();
  });
});
