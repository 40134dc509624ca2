import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

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
import { MIGRATIONS } from '../../src/index-db/migrations';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../../src/ledger/ledger-client.port';

// An app of one feature's module whose ledger is a recording fake (the network specs cover the
// chaincode), with the real auth guard (the bearer token is the caller's role), validation pipe and
// error filter, over a real SQLite index file.

/** Records every call and answers `answer` (as the transaction's result or the evaluated bytes). */
export class FakeLedger implements LedgerClient {
  readonly calls: LedgerCall[] = [];
  answer: object = {};

  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push(call);
    return Promise.resolve({
      txId: 'tx-1',
      blockNumber: 3n,
      result: Buffer.from(JSON.stringify(this.answer)),
    });
  }

  evaluate(_user: string, call: LedgerCall): Promise<Uint8Array> {
    this.calls.push(call);
    return Promise.resolve(Buffer.from(JSON.stringify(this.answer)));
  }
}

const authenticator = {
  authenticate: (token: string): Promise<Authentication> =>
    Promise.resolve({
      ok: true,
      principal: { user: `${token}-user`, mspId: 'UrbanMSP', role: token },
    } as Authentication),
};

export interface LedgerApp {
  readonly app: NestExpressApplication;
  close(): Promise<void>;
}

export async function startLedgerApp(
  feature: Type | DynamicModule,
  ledger: LedgerClient,
): Promise<LedgerApp> {
  Logger.overrideLogger(false);
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-ledger-app-'));
  const dataSource = new DataSource({
    ...createDataSourceOptions({ type: 'sqlite', path: path.join(dir, 'index.sqlite') }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
  });

  @Module({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
      AuthModule,
      feature,
    ],
  })
  class LedgerAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [LedgerAppModule] })
    .overrideProvider(TokenAuthenticator)
    .useValue(authenticator)
    .overrideProvider(LEDGER_CLIENT)
    .useValue(ledger)
    .overrideProvider(DataSource)
    .useFactory({ factory: () => dataSource.initialize() })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
  configureApp(app);
  await app.init();
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
