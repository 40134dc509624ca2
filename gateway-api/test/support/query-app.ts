import { type DynamicModule, Logger, Module, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { APP_OPTIONS, configureApp } from '../../src/app.setup';
import { AuthModule } from '../../src/auth/auth.module';
import { type Authentication, TokenAuthenticator } from '../../src/auth/token-authenticator';
import { validateEnv } from '../../src/config/validate-env';
import { createDataSourceOptions, ENTITIES } from '../../src/index-db/database/data-source-options';
import { type DatabaseConfig } from '../../src/index-db/database/database-config';
import { MIGRATIONS } from '../../src/index-db/migrations';
import { LEDGER_CLIENT, type LedgerClient } from '../../src/ledger/ledger-client.port';

// An app of one feature's module over a real, migrated index database, for the index query routes:
// the real auth guard (the bearer token is the caller's role), validation pipe and error filter; a
// ledger that fails if anything reaches it (a query route reads the index only), unless the test
// gives one (the waste load lists read the ledger's arrival deadline).

const authenticator = {
  authenticate: (token: string): Promise<Authentication> =>
    Promise.resolve({
      ok: true,
      principal: { user: `${token}-user`, mspId: 'TestMSP', role: token },
    } as Authentication),
};

const noLedger: LedgerClient = {
  submit: () => Promise.reject(new Error('a query route reached the ledger')),
  evaluate: () => Promise.reject(new Error('a query route reached the ledger')),
};

export interface QueryApp {
  readonly app: NestExpressApplication;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export async function startQueryApp(
  feature: Type | DynamicModule,
  config: DatabaseConfig,
  ledger: LedgerClient = noLedger,
): Promise<QueryApp> {
  Logger.overrideLogger(false);
  const dataSource = await new DataSource({
    ...createDataSourceOptions(config),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  }).initialize();

  @Module({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
      AuthModule,
      feature,
    ],
  })
  class QueryAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [QueryAppModule] })
    .overrideProvider(TokenAuthenticator)
    .useValue(authenticator)
    .overrideProvider(LEDGER_CLIENT)
    .useValue(ledger)
    .overrideProvider(DataSource)
    .useValue(dataSource)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
  configureApp(app);
  await app.init();
  return {
    app,
    dataSource,
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
