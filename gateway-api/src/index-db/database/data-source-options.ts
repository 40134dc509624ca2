import { DataSource, type DataSourceOptions } from 'typeorm';

import { IdempotencyRecord } from '../../idempotency/idempotency-record.entity';
import { IndexCheckpoint } from '../checkpoint/index-checkpoint.entity';
import { MIGRATIONS } from '../migrations';
import { IndexQuarantinedEvent } from '../quarantine/index-quarantined-event.entity';
import { SmokeValueEvent } from '../smoke/smoke-value-event.entity';
import { SmokeValue } from '../smoke/smoke-value.entity';
import { type DatabaseConfig } from './database-config';
import { NestTypeOrmLogger } from './typeorm-logger';
import { BUSINESS_ENTITIES } from '../../business/entities';
import { REAL_ESTATE_ENTITIES } from '../../real-estate/entities';
import { HolderCheckFailures } from '../../verify/holder-check/holder-check-failures.entity';
import { WASTE_ENTITIES } from '../../waste/entities';

/** Every entity of the gateway's database (index projections, idempotency records, holder-check lockout). */
export const ENTITIES = [
  IndexCheckpoint,
  IndexQuarantinedEvent,
  SmokeValue,
  SmokeValueEvent,
  IdempotencyRecord,
  ...REAL_ESTATE_ENTITIES,
  ...BUSINESS_ENTITIES,
  ...WASTE_ENTITIES,
  HolderCheckFailures,
];

/** How long a SQLite statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** How long to wait for a PostgreSQL connection, so readiness answers "down" rather than hanging. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5000;

export interface DataSourceOverrides {
  /** Run pending migrations in `initialize()`; on by default (the gateway migrates at start-up). */
  readonly migrationsRun?: boolean;
}

/**
 * The one description of the gateway's database, shared by Nest (TypeOrmModule.forRootAsync), the
 * tests and any plain script (`createDataSource`). The schema is changed by migrations only: never
 * `synchronize`.
 */
export function createDataSourceOptions(
  config: DatabaseConfig,
  overrides: DataSourceOverrides = {},
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: overrides.migrationsRun ?? true,
    // each migration in its own transaction: a failure leaves the schema at the last good migration
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new NestTypeOrmLogger(),
    maxQueryExecutionTime: 1000,
  } as const;
  if (config.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.path,
      // WAL: readers do not block the writer, and a commit is one append to the log
      enableWAL: config.path !== ':memory:',
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: config.url,
    applicationName: 'govtrace-gateway',
    connectTimeoutMS: POSTGRES_CONNECT_TIMEOUT_MS,
  };
}

/** A DataSource outside Nest (scripts, tests); call `initialize()` to connect and migrate. */
export function createDataSource(config: DatabaseConfig, overrides: DataSourceOverrides = {}): DataSource {
  return new DataSource(createDataSourceOptions(config, overrides));
}
