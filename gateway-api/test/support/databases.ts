import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { createDataSource } from '../../src/index-db/database/data-source-options';
import { Database } from '../../src/index-db/database/database';
import { type DatabaseConfig } from '../../src/index-db/database/database-config';
import { type RunningPostgres, startPostgres } from './postgres';

/**
 * One kind of real database for `describe.each`: `setUp` in beforeAll, `fresh()` for an empty
 * database per test, `tearDown` in afterAll.
 */
export interface TestDatabase {
  readonly name: string;
  setUp(): Promise<void>;
  fresh(): Promise<DatabaseConfig>;
  tearDown(): Promise<void>;
}

/** Generous: on a machine without PostgreSQL, setUp installs it first. */
export const DATABASE_SETUP_TIMEOUT_MS = 600_000;

export function sqliteTestDatabase(): TestDatabase {
  const dirs: string[] = [];
  return {
    name: 'SQLite',
    setUp: () => Promise.resolve(),
    fresh: () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-index-'));
      dirs.push(dir);
      return Promise.resolve({ type: 'sqlite', path: path.join(dir, 'index.sqlite') });
    },
    tearDown: () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export function postgresTestDatabase(): TestDatabase {
  let server: RunningPostgres | undefined;
  let count = 0;
  return {
    name: 'PostgreSQL',
    setUp: async () => {
      server = await startPostgres();
      process.stderr.write(
        `[test postgres] PostgreSQL ${server.version} on 127.0.0.1:${server.port}: ` +
          `initdb ${server.timings.initdbMs} ms, start ${server.timings.startMs} ms\n`,
      );
    },
    fresh: () => {
      if (server === undefined) throw new Error('postgresTestDatabase: setUp() has not run');
      count += 1;
      return server.createDatabase(`test_${count}`).then((url) => ({ type: 'postgres', url }));
    },
    tearDown: async () => {
      await server?.stop();
    },
  };
}

/** `describe.each(TEST_DATABASES)('… (%s)', (_name, database) => …)`. */
export const TEST_DATABASES: [string, () => TestDatabase][] = [
  ['SQLite', sqliteTestDatabase],
  ['PostgreSQL', postgresTestDatabase],
];

/** Connects and migrates, as the gateway does at start-up. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const dataSource = await createDataSource(config).initialize();
  return new Database(dataSource);
}
