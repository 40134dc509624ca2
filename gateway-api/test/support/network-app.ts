import { type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { type App } from 'supertest/types';

import { apiTokens } from '../../../test/support/gateway-process';
import { APP_OPTIONS, configureApp } from '../../src/app.setup';
import { AuthModule } from '../../src/auth/auth.module';
import { validateEnv } from '../../src/config/validate-env';

/**
 * For `*.network.spec.ts`: the demo users' bearer tokens (the runtime folder's api-tokens.json,
 * written by `network up`) and a Nest app with the real configuration, auth and the feature
 * modules under test, against the running network. The index, if any, lives in memory.
 */
let tokens: Record<string, string> | undefined;

export function demoAuth(user: string): string {
  tokens ??= apiTokens();
  return `Bearer ${tokens[user] ?? ''}`;
}

/** Registers beforeAll/afterAll that boot and close the app; call the returned function in tests. */
export function useNetworkApp(
  imports: NonNullable<ModuleMetadata['imports']>,
  customise: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): () => App {
  const saved = { ...process.env };
  let app: NestExpressApplication | undefined;
  beforeAll(async () => {
    Object.assign(process.env, { DATABASE_TYPE: 'sqlite', DATABASE_PATH: ':memory:' });
    const builder = Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        AuthModule,
        ...imports,
      ],
    });
    const moduleRef = await customise(builder).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });
  return () => {
    if (!app) throw new Error('useNetworkApp: the app is booted in beforeAll');
    return app.getHttpServer();
  };
}
