import { bigintTransformer } from './bigint.transformer';
import { createDataSourceOptions, ENTITIES } from './data-source-options';
import { databaseConfigFromEnv, describeDatabase } from './database-config';

describe('createDataSourceOptions', () => {
  it('SQLite: better-sqlite3 with WAL and a busy timeout, migrated at start, never synchronised', () => {
    expect(createDataSourceOptions({ type: 'sqlite', path: '/data/index.sqlite' })).toMatchObject({
      type: 'better-sqlite3',
      database: '/data/index.sqlite',
      enableWAL: true,
      timeout: 5000,
      migrationsRun: true,
      migrationsTransactionMode: 'each',
      synchronize: false,
      entities: ENTITIES,
    });
  });

  it('SQLite in memory has no write-ahead log to enable', () => {
    expect(createDataSourceOptions({ type: 'sqlite', path: ':memory:' })).toMatchObject({ enableWAL: false });
  });

  it('PostgreSQL: the URL, a connect timeout and a name in pg_stat_activity', () => {
    expect(
      createDataSourceOptions({ type: 'postgres', url: 'postgres://u@db/x' }, { migrationsRun: false }),
    ).toMatchObject({
      type: 'postgres',
      url: 'postgres://u@db/x',
      applicationName: 'govtrace-gateway',
      connectTimeoutMS: 5000,
      migrationsRun: false,
      synchronize: false,
    });
  });
});

describe('databaseConfigFromEnv', () => {
  it('picks the file or the URL by DATABASE_TYPE', () => {
    expect(
      databaseConfigFromEnv({
        DATABASE_TYPE: 'sqlite',
        DATABASE_PATH: '/a.sqlite',
        DATABASE_URL: 'postgres://x',
      }),
    ).toEqual({
      type: 'sqlite',
      path: '/a.sqlite',
    });
    expect(
      databaseConfigFromEnv({
        DATABASE_TYPE: 'postgres',
        DATABASE_PATH: '/a.sqlite',
        DATABASE_URL: 'postgres://x',
      }),
    ).toEqual({
      type: 'postgres',
      url: 'postgres://x',
    });
  });
});

describe('describeDatabase', () => {
  it('never shows the credentials of a URL', () => {
    expect(describeDatabase({ type: 'postgres', url: 'postgres://gov:secret@10.0.0.5:5433/govtrace' })).toBe(
      'PostgreSQL 10.0.0.5:5433/govtrace',
    );
    expect(describeDatabase({ type: 'sqlite', path: '/data/index.sqlite' })).toBe(
      'SQLite /data/index.sqlite',
    );
  });
});

describe('bigintTransformer', () => {
  it('writes decimal strings and reads what either driver returns', () => {
    expect(bigintTransformer.to(2n ** 62n)).toBe('4611686018427387904');
    expect(bigintTransformer.from('4611686018427387904')).toBe(2n ** 62n); // pg: int8 as string
    expect(bigintTransformer.from(42)).toBe(42n); // better-sqlite3: INTEGER as number
    expect(bigintTransformer.from(null)).toBeNull();
  });
});
