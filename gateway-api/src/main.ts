import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp, DOCS_PATH } from './app.setup';
import { JsonLogger } from './common/logging/json-logger';
import { lineFormatter } from './common/logging/line-formatters';
import { startupLogFormat, useColour } from './common/logging/log-format';
import { type EnvironmentVariables } from './config/env.schema';
import { ConfigValidationError } from './config/validate-env';

const stdoutIsTty = process.stdout.isTTY === true;
const colour = useColour(stdoutIsTty, process.env);

async function bootstrap(logger: JsonLogger): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    ...APP_OPTIONS,
    logger,
    // Nest's start-up lines wait until LOG_LEVEL is known; if start-up fails they are dropped and
    // the catch below reports the one line that matters
    bufferLogs: true,
    autoFlushLogs: false,
    // throw instead of process.abort(), so a bad configuration exits with status 1 and no core dump
    abortOnError: false,
  });
  const config = app.get<ConfigService<EnvironmentVariables, true>>(ConfigService);
  logger.setLevel(config.get('LOG_LEVEL', { infer: true }));
  logger.setFormat(lineFormatter(config.get('LOG_FORMAT', { infer: true }), colour));
  app.flushLogs();
  configureApp(app);
  app.enableShutdownHooks();

  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  const url = await app.getUrl();
  const log = new Logger('Bootstrap');
  log.log(`API listening on ${url}`);
  log.log(`OpenAPI: ${url}/${DOCS_PATH} (JSON at ${url}/${DOCS_PATH}-json)`);
}

const logger = new JsonLogger(
  'info',
  undefined,
  lineFormatter(startupLogFormat(process.env, stdoutIsTty), colour),
);
bootstrap(logger).catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    logger.fatal(error.message, 'Bootstrap');
  } else {
    logger.fatal(
      `Start-up failed: ${String(error)}`,
      error instanceof Error ? error.stack : undefined,
      'Bootstrap',
    );
  }
  process.exitCode = 1;
});
