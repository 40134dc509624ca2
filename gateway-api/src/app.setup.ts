import { type NestApplicationOptions } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { ApiExceptionFilter } from './common/errors';
import { answerUnparsableRequests } from './common/client-error';
import { useJsonBody } from './common/json-body';
import { requestIdMiddleware } from './common/logging/request-id.middleware';
import { applyDocumentRules } from './common/openapi/document-rules';
import { describeValidationInDocument } from './common/openapi/document-validation';
import { createValidationPipe } from './common/validation';
import { type EnvironmentVariables } from './config/env.schema';
import { rememberVerifyIdentifiers } from './verify/remembered-identifiers.pipe';

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
  trustConfiguredProxies(app);
  app.use(requestIdMiddleware);
  answerUnparsableRequests(app.getHttpServer());
  useJsonBody(app);
  app.useGlobalPipes(rememberVerifyIdentifiers(createValidationPipe()));
  app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost)));
  setUpOpenApi(app);
}

/**
 * Express believes X-Forwarded-For only from the hops TRUSTED_PROXIES names, so `req.ip` (the
 * public routes' rate-limit key) is the citizen's address behind the city's proxy, and a client
 * talking to the gateway directly cannot pick its own address by sending the header.
 */
function trustConfiguredProxies(app: NestExpressApplication): void {
  const configured = app
    .get<ConfigService<EnvironmentVariables, true>>(ConfigService)
    .get('TRUSTED_PROXIES', { infer: true });
  const proxies = configured
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  app.set('trust proxy', proxies.length === 0 ? false : proxies);
}

function setUpOpenApi(app: NestExpressApplication): void {
  const config = new DocumentBuilder()
    .setTitle('govtrace gateway API')
    .setDescription('Traceability for real estate, business opening and waste sorting on Hyperledger Fabric')
    .setVersion('v1')
    .addBearerAuth()
    .build();
  // a factory, so the document is built on first request rather than at every start
  SwaggerModule.setup(
    DOCS_PATH,
    app,
    () => {
      describeValidationInDocument(app);
      return applyDocumentRules(SwaggerModule.createDocument(app, config));
    },
    {
      jsonDocumentUrl: `${DOCS_PATH}-json`,
    },
  );
}
