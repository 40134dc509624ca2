import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';

import { type EnvironmentVariables } from '../../config/env.schema';
import { createDataSource } from './data-source-options';
import { Database } from './database';
import {
  DATABASE_CONFIG,
  type DatabaseConfig,
  databaseConfigFromEnv,
  describeDatabase,
} from './database-config';

/** A PostgreSQL server that is still starting gets this many tries, this far apart, before start-up fails. */
export const CONNECT_ATTEMPTS = 5;
export const CONNECT_RETRY_DELAY_MS = 2000;

/** Provides DATABASE_CONFIG from the validated environment; tests override the token. */
@Module({
  providers: [
    {
      provide: DATABASE_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): DatabaseConfig =>
        databaseConfigFromEnv({
          DATABASE_TYPE: config.get('DATABASE_TYPE', { infer: true }),
          DATABASE_PATH: config.get('DATABASE_PATH', { infer: true }),
          DATABASE_URL: config.get('DATABASE_URL', { infer: true }),
        }),
    },
  ],
  exports: [DATABASE_CONFIG],
})
export class DatabaseConfigModule {}

/** Connects and runs pending migrations; Nest waits for it before creating anything that needs the database. */
async function connect(config: DatabaseConfig): Promise<DataSource> {
  const logger = new Logger('Database');
  logger.log(`Using ${describeDatabase(config)}`);
  for (let attempt = 1; ; attempt += 1) {
    const dataSource = createDataSource(config);
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt >= CONNECT_ATTEMPTS) throw error;
      logger.warn(
        `Database start-up failed (${String(error)}); attempt ${attempt + 1} of ${CONNECT_ATTEMPTS} in ${CONNECT_RETRY_DELAY_MS} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_DELAY_MS));
    }
  }
}

/** Closes the database last: onApplicationShutdown follows every onModuleDestroy (listener, janitor). */
@Injectable()
export class DatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The gateway's one database (index projections and idempotency records): connects and migrates at
 * start-up, closes at shutdown, and exports `Database` (and the TypeORM DataSource). Imported by
 * IndexModule and IdempotencyModule; Nest creates it once however often it is imported.
 *
 * Not @nestjs/typeorm: its version 12 is an ES module only, which jest (CommonJS, Node 20) cannot
 * load; providing the DataSource takes only this module.
 */
@Module({
  imports: [DatabaseConfigModule],
  providers: [
    { provide: DataSource, inject: [DATABASE_CONFIG], useFactory: connect },
    Database,
    DatabaseCloser,
  ],
  exports: [Database, DataSource],
})
export class DatabaseModule {}
