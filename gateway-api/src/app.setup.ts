import { type NestApplicationOptions } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { ApiExceptionFilter } from './common/errors';
import { answerUnparsableRequests } from './common/client-error';
import { useJsonBody } from './common/json-body';
import { requestIdMiddleware } from './common/logging/request-id.middleware';
import { createValidationPipe } from './common/validation';

/**
 * Options for creating the Nest application. Nest's default body parsers are off because
 * configureApp installs the only one, with the API's limit and error mapping.
 */
export const APP_OPTIONS = { bodyParser: false } as const satisfies NestApplicationOptions;

export const DOCS_PATH = 'docs';

/**
 * Everything global about the HTTP application, shared by main.ts and the HTTP specs so the tests
 * run the configuration production runs. Call once, before `init()`/`listen()`; order matters:
 * the request id must exist before the body parser can fail.
 */
export function configureApp(app: NestExpressApplication): void {
  app.disable('x-powered-by'); // no need to tell scanners which framework answers
  app.use(requestIdMiddleware);
  answerUnparsableRequests(app.getHttpServer());
  useJsonBody(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost)));
  setUpOpenApi(app);
}

function setUpOpenApi(app: NestExpressApplication): void {
  const config = new DocumentBuilder()
    .setTitle('govtrace gateway API')
    .setDescription('Traceability for real estate, business opening and waste sorting on Hyperledger Fabric')
    .setVersion('v1')
    .addBearerAuth()
    .build();
  // a factory, so the document is built on first request rather than at every start
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
  });
}
