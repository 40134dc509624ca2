import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import * as fc from 'fast-check';
import request, { type Response } from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { type Authentication, TokenAuthenticator } from '../src/auth/token-authenticator';
import { ApiError } from '../src/common/errors';
import {
  LEDGER_CLIENT,
  type LedgerCall,
  type LedgerClient,
  type SubmitResult,
} from '../src/ledger/ledger-client.port';
import {
  LEDGER_TRANSACTION_READER,
  type LedgerTransaction,
  type LedgerTransactionReader,
} from '../src/ledger/ledger-transactions.port';
import { PUBLIC_LEDGER, type PublicLedger } from '../src/ledger/public-ledger.port';
import { isolateFromNetwork } from './support/isolated-environment';
import {
  type Document,
  type Operation,
  type Parameter,
  type Schema,
  SchemaReader,
} from './support/openapi-requests';

// Every operation of /docs-json, called with requests generated from the document alone: whatever the
// document calls valid passes validation (the request reaches the ledger, or the index answers), and
// a request breaking one documented constraint is refused with 400 before anything reaches the
// ledger, never with a 5xx. The ledger is a fake that answers every call "not found": the point is the
// HTTP layer's agreement with its own document; the network specs cover the chaincode.

class NotFoundLedger implements LedgerClient, PublicLedger, LedgerTransactionReader {
  readonly calls: unknown[] = [];

  find(txId: string): Promise<LedgerTransaction | undefined> {
    this.calls.push(txId);
    return Promise.resolve(undefined);
  }

  blockOf(txId: string): Promise<Uint8Array | undefined> {
    this.calls.push(txId);
    return Promise.resolve(undefined);
  }

  blockAt(blockNumber: bigint): Promise<Uint8Array> {
    this.calls.push(blockNumber);
    return Promise.reject(new ApiError('NOT_FOUND', 404, 'not on this fake ledger'));
  }

  channel(): Promise<string> {
    return Promise.resolve('govtrace');
  }

  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push(call);
    return Promise.reject(new ApiError('NOT_FOUND', 404, 'not on this fake ledger'));
  }

  evaluate(_userOrCall: unknown, call?: unknown): Promise<Uint8Array> {
    this.calls.push(call ?? _userOrCall);
    return Promise.reject(new ApiError('NOT_FOUND', 404, 'not on this fake ledger'));
  }
}

/** The bearer token is the role's name; every role belongs to the department that holds it. */
const authenticator = {
  authenticate: (token: string): Promise<Authentication> =>
    Promise.resolve({
      ok: true,
      principal: { user: `${token}-user`, mspId: 'RegistryMSP', role: token },
    } as Authentication),
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const RUNS_PER_OPERATION = 40;

interface ErrorBody {
  readonly error: { readonly message: string };
}

interface Call {
  readonly method: (typeof METHODS)[number];
  readonly template: string;
  /** The parameter values the path and query were built from. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

describe('the OpenAPI document and validation agree, for every operation', () => {
  const isolated = isolateFromNetwork({ VERIFY_RATE_LIMIT: '1000000' });
  const ledger = new NotFoundLedger();
  let app: NestExpressApplication;
  let server: App;
  let document: Document;
  let reader: SchemaReader;

  beforeAll(async () => {
    const { AppModule } = await import('../src/app.module');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(TokenAuthenticator)
      .useValue(authenticator)
      .overrideProvider(LEDGER_CLIENT)
      .useValue(ledger)
      .overrideProvider(PUBLIC_LEDGER)
      .useValue(ledger)
      .overrideProvider(LEDGER_TRANSACTION_READER)
      .useValue(ledger)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
    const answer = await request(server).get('/docs-json');
    expect(answer.status).toBe(200);
    document = answer.body as Document;
    reader = new SchemaReader(document);
  });

  afterAll(async () => {
    await app.close();
    isolated.restore();
  });

  const operations = (): [Call['method'], string, Operation][] =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map(
        (method): [Call['method'], string, Operation] => [method, path, item[method] as Operation],
      ),
    );

  /**
   * Sends the call with the first role the document names that the route lets through (a route may
   * narrow its roles by what is asked, e.g. the TAX step is the tax officer's); any role for a route
   * that names none.
   */
  const send = async (operation: Operation, call: Call): Promise<Response> => {
    let response: Response | undefined;
    for (const role of operation['x-roles'] ?? ['registry_clerk']) {
      const pending = request(server)
        [call.method](call.path)
        .query(call.query)
        .set('Authorization', `Bearer ${role}`);
      response = await (call.body === undefined ? pending : pending.send(call.body as object));
      if (response.status !== 403) return response;
    }
    return response as Response;
  };

  const parametersOf = (operation: Operation): Parameter[] =>
    (operation.parameters ?? []).filter((parameter) => parameter.in !== 'header');

  const bodySchemaOf = (operation: Operation): Schema | undefined =>
    operation.requestBody?.content['application/json']?.schema;

  /** A valid call: every path parameter, some query parameters (groups all or none), a valid body. */
  /**
   * A valid call: every required parameter, some optional ones, each x-required-together group whole
   * or not at all, and a valid body.
   */
  const validCall = (method: Call['method'], template: string, operation: Operation): fc.Arbitrary<Call> => {
    const parameters = parametersOf(operation);
    const valueOf = (p: Parameter): [string, fc.Arbitrary<unknown>] => [p.name, reader.valid(p.schema)];
    const single = parameters.filter((p) => p['x-required-together'] === undefined);
    const groups = [...new Set(parameters.map((p) => p['x-required-together']?.join(',')))]
      .filter((group) => group !== undefined)
      .map((group) => parameters.filter((p) => p['x-required-together']?.join(',') === group));
    const body = bodySchemaOf(operation);
    return fc
      .record({
        single: fc.record(Object.fromEntries(single.map(valueOf)), {
          requiredKeys: single.filter((p) => p.required === true).map((p) => p.name),
        }),
        groups: fc.tuple(
          ...groups.map((group) => fc.option(fc.record(Object.fromEntries(group.map(valueOf))))),
        ),
        body: body === undefined ? fc.constant(undefined) : reader.valid(body),
      })
      .map(({ single: values, groups: drawn, body: generated }) =>
        toCall(
          method,
          template,
          parameters,
          withinDayRange({ ...values, ...Object.assign({}, ...drawn) } as Record<string, unknown>),
          generated,
        ),
      );
  };

  it("names the roles that may call each write (x-roles, from the routes' own @Roles)", () => {
    const writes = operations().filter(([method, path]) => method === 'post' && path.startsWith('/api/v1/'));
    expect(writes.length).toBeGreaterThan(10);
    for (const [, path, operation] of writes) {
      if (path === '/api/v1/real-estate/holder-units/search') continue;
      expect({ path, roles: operation['x-roles'] }).toEqual({ path, roles: expect.any(Array) as unknown });
    }
  });

  it('answers every request valid by the document without a validation error or a 5xx', async () => {
    const problems: string[] = [];
    for (const [method, template, operation] of operations()) {
      if (template === '/metrics' || template.startsWith('/health')) continue;
      for (const call of fc.sample(validCall(method, template, operation), {
        numRuns: RUNS_PER_OPERATION,
        seed: 42,
      })) {
        const response = await send(operation, call);
        if (
          response.status === 400 ||
          response.status === 401 ||
          response.status === 403 ||
          response.status >= 500 ||
          // the router's own 404: the document named a path the gateway does not serve
          (response.status === 404 && /^Cannot /.test((response.body as ErrorBody).error.message))
        ) {
          if (problems.some((p) => p.startsWith(`${method.toUpperCase()} ${template} `))) continue;
          problems.push(
            `${method.toUpperCase()} ${template} ${call.path} ${JSON.stringify(call.query)} ${JSON.stringify(call.body)} → ${response.status} ${JSON.stringify(response.body)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('refuses a request breaking any one documented constraint with 400, before the ledger', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [method, template, operation] of operations()) {
      if (template === '/metrics' || template.startsWith('/health')) continue;
      const [base] = fc.sample(validCall(method, template, operation), { numRuns: 1, seed: 7 });
      if (base === undefined) continue;
      for (const broken of invalidVariants(base, operation)) {
        ledger.calls.length = 0;
        const response = await send(operation, broken.call);
        checked += 1;
        if (response.status !== 400 || ledger.calls.length > 0) {
          problems.push(
            `${method.toUpperCase()} ${template} ${broken.what} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 600_000);

  /** The valid call with one thing broken: a parameter or a body property, or an unknown property. */
  function invalidVariants(base: Call, operation: Operation): { what: string; call: Call }[] {
    const variants: { what: string; call: Call }[] = [];
    for (const parameter of parametersOf(operation)) {
      for (const [constraint, value] of reader.invalid(parameter.schema)) {
        // a query or path value is text: a number sent there is just its digits
        if (constraint === 'type') continue;
        // an empty path segment would name another route, not break this one's parameter
        if (parameter.in === 'path' && value === '') continue;
        const values = { ...base.values, [parameter.name]: value };
        variants.push({
          what: `${parameter.in} ${parameter.name} (${constraint})`,
          call: toCall(base.method, base.template, parametersOf(operation), values, base.body),
        });
      }
    }
    const bodySchema = bodySchemaOf(operation);
    if (bodySchema !== undefined && typeof base.body === 'object' && base.body !== null) {
      variants.push(
        ...bodyVariants(reader.resolve(bodySchema), base.body as Record<string, unknown>, '', (body) => ({
          ...base,
          body,
        })),
      );
    }
    return variants;
  }

  function bodyVariants(
    schema: Schema,
    value: Record<string, unknown>,
    prefix: string,
    rebuild: (changed: Record<string, unknown>) => Call,
  ): { what: string; call: Call }[] {
    const variants: { what: string; call: Call }[] = [];
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    variants.push({
      what: `${prefix || 'body'} unknown property`,
      call: rebuild({ ...value, notInTheDocument: 1 }),
    });
    for (const name of (schema.required ?? []) as string[]) {
      const rest = { ...value };
      delete rest[name];
      variants.push({ what: `${prefix}${name} missing`, call: rebuild(rest) });
    }
    for (const [name, property] of Object.entries(properties)) {
      for (const [constraint, broken] of reader.invalid(property)) {
        variants.push({
          what: `${prefix}${name} (${constraint})`,
          call: rebuild({ ...value, [name]: broken }),
        });
      }
      const resolved = reader.resolve(property);
      const nested = value[name];
      if (
        resolved.properties !== undefined &&
        typeof nested === 'object' &&
        nested !== null &&
        !Array.isArray(nested)
      ) {
        variants.push(
          ...bodyVariants(resolved, nested as Record<string, unknown>, `${prefix}${name}.`, (changed) =>
            rebuild({ ...value, [name]: changed }),
          ),
        );
      }
    }
    return variants;
  }
});

/**
 * A `from`/`to` day range (the index lists and totals) must not end before it starts, and the
 * totals' may span at most 366 days: rules joining two parameters, which the document says in words
 * only. A valid call with both takes one day; each parameter alone is still drawn from its schema.
 */
function withinDayRange(values: Record<string, unknown>): Record<string, unknown> {
  const { from, to } = values;
  return typeof from === 'string' && typeof to === 'string' ? { ...values, to: from } : values;
}

function toCall(
  method: Call['method'],
  template: string,
  parameters: readonly Parameter[],
  values: Record<string, unknown>,
  body: unknown,
): Call {
  let path = template;
  const query: Record<string, string> = {};
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(text(value)));
    else query[parameter.name] = text(value);
  }
  return { method, template, values, path, query, body };
}

/** A generated parameter value as it travels in a URL. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
