import { Body, Controller, Get, Post } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsArray, IsString, ValidateNested } from 'class-validator';
import request, { type Response } from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { Public } from '../src/auth/auth.decorators';
import { INTERNAL_MESSAGE } from '../src/common/errors';
import { JsonLogger, type LogEntry } from '../src/common/logging/json-logger';
import { isolateFromNetwork } from './support/isolated-environment';

// A test-only route with a DTO, so validation and error rendering are exercised through HTTP
// without waiting for the first real feature module.
class HolderDto {
  @IsString()
  name!: string;

  @IsString()
  idNumber!: string;
}

class ProbeDto {
  @IsString()
  unitNumber!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HolderDto)
  holders!: HolderDto[];
}

// public, so the probe answers without a token once AuthModule's global guard is installed
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  echo(@Body() dto: ProbeDto): { received: ProbeDto; isDto: boolean } {
    return { received: dto, isDto: dto instanceof ProbeDto };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.5:5432 user=gov password=hunter2');
  }
}

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown>[]; txId?: string };
}

function errorOf(res: Response, status: number, code: string): ErrorBody['error'] {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  const body = res.body as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({
    code,
    message: expect.any(String) as unknown,
    details: expect.any(Array) as unknown,
  });
  return body.error;
}

describe('gateway HTTP application', () => {
  let app: NestExpressApplication;
  let server: App;
  const logLines: string[] = [];
  const logs = (): LogEntry[] => logLines.map((line) => JSON.parse(line) as LogEntry);

  const isolated = isolateFromNetwork();

  beforeAll(async () => {
    // Imported here, after isolateFromNetwork(): ConfigModule reads the environment when AppModule loads.
    const { AppModule } = await import('../src/app.module');
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      ...APP_OPTIONS,
      logger: new JsonLogger('debug', (line) => logLines.push(line)),
    });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    isolated.restore();
  });

  beforeEach(() => {
    logLines.length = 0;
  });

  describe('operations', () => {
    it('GET /health answers 200 { status: ok }', async () => {
      const res = await request(server).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('GET /health/ready answers 503 naming Fabric when no peer answers, while the index is up', async () => {
      const res = await request(server).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        error: {
          code: 'UNAVAILABLE',
          message: 'Not ready: fabric',
          details: [
            { check: 'process', status: 'up', message: 'up' },
            { check: 'fabric', status: 'down', message: expect.any(String) as unknown },
            {
              check: 'index',
              status: 'up',
              message: expect.stringContaining('database reachable') as unknown,
            },
          ],
        },
      });
    });

    it('GET /docs-json is an OpenAPI 3 document describing the routes', async () => {
      const res = await request(server).get('/docs-json');
      expect(res.status).toBe(200);
      const doc = res.body as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    });

    it('GET /docs serves the Swagger UI', async () => {
      const res = await request(server).get('/docs');
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
    });
  });

  describe('errors', () => {
    it('an unknown route answers 404 NOT_FOUND', async () => {
      const error = errorOf(await request(server).get('/api/v1/nowhere'), 404, 'NOT_FOUND');
      expect(error.message).toBe('Cannot GET /api/v1/nowhere');
    });

    it('serves no smoke route: the fixture exists only for the e2e tests', async () => {
      const token = { Authorization: 'Bearer gt_any' };
      errorOf(
        await request(server).post('/api/v1/smoke/values').set(token).send({ key: 'k', value: 'v' }),
        404,
        'NOT_FOUND',
      );
      errorOf(await request(server).get('/api/v1/smoke/values/k').set(token), 404, 'NOT_FOUND');
      const openApi = (await request(server).get('/docs-json')).body as { paths: Record<string, unknown> };
      expect(Object.keys(openApi.paths).filter((route) => route.includes('smoke'))).toEqual([]);
    });

    it('malformed JSON answers 400 VALIDATION_FAILED', async () => {
      const res = await request(server)
        .post('/probe')
        .set('Content-Type', 'application/json')
        .send('{"unitNumber": ');
      const error = errorOf(res, 400, 'VALIDATION_FAILED');
      expect(error.message).toBe('Malformed JSON body');
      expect(error.details).toEqual([expect.objectContaining({ field: 'body' })]);
    });

    it('a body over 1 MB answers 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify({ unitNumber: 'U1', holders: [], remarks: 'x'.repeat(1024 * 1024) });
      const res = await request(server).post('/probe').set('Content-Type', 'application/json').send(huge);
      errorOf(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('an unknown field answers 400 VALIDATION_FAILED naming the field', async () => {
      const res = await request(server).post('/probe').send({ unitNumber: 'U1', holders: [], owner: 'x' });
      const error = errorOf(res, 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual([
        { field: 'owner', constraint: 'whitelistValidation', message: 'property owner should not exist' },
      ]);
    });

    it('a bad nested field is named by its path', async () => {
      const res = await request(server)
        .post('/probe')
        .send({ unitNumber: 'U1', holders: [{ name: '张三', idNumber: 110101 }] });
      const error = errorOf(res, 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual([
        { field: 'holders.0.idNumber', constraint: 'isString', message: 'idNumber must be a string' },
      ]);
    });

    it('an unexpected error answers 500 INTERNAL without internals, and is logged with its stack', async () => {
      const res = await request(server).get('/probe/boom').set('X-Request-Id', 'trace-me-1');
      const error = errorOf(res, 500, 'INTERNAL');
      expect(error).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [] });
      expect(res.text).not.toContain('hunter2');
      expect(logs()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          requestId: 'trace-me-1',
          message: expect.stringContaining('ECONNREFUSED') as unknown,
          stack: expect.stringContaining('ProbeController.boom') as unknown,
        }),
      );
    });
  });

  describe('requests', () => {
    it('a valid body reaches the controller as a DTO instance', async () => {
      const body = { unitNumber: 'U1', holders: [{ name: '张三', idNumber: '110101' }] };
      const res = await request(server).post('/probe').send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ received: body, isDto: true });
    });

    it('each request gets an id, echoed in X-Request-Id and on its access-log line', async () => {
      const res = await request(server).get('/health');
      const id = res.get('X-Request-Id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(logs()).toContainEqual(
        expect.objectContaining({
          context: 'HTTP',
          requestId: id,
          message: expect.stringMatching(/^GET \/health 200 /) as unknown,
        }),
      );
    });

    it("keeps a caller's plain X-Request-Id and replaces a suspicious one", async () => {
      expect((await request(server).get('/health').set('X-Request-Id', 'abc-123')).get('X-Request-Id')).toBe(
        'abc-123',
      );
      const forged = (await request(server).get('/health').set('X-Request-Id', 'a"b}{')).get('X-Request-Id');
      expect(forged).not.toBe('a"b}{');
    });

    it('the access log leaves out the query string', async () => {
      await request(server).get('/health?holderIdNumber=110101199003077777');
      expect(logLines.join('\n')).not.toContain('110101199003077777');
    });
  });
});
