import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { type NextFunction, type Request, type Response as ExpressResponse } from 'express';
import request, { type Response } from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../src/auth/principal';
import { ConflictError, UnavailableError } from '../src/common/errors';
import { validateEnv } from '../src/config/validate-env';
import { DATABASE_CONFIG } from '../src/index-db/database/database-config';
import { IdempotencyInterceptor } from '../src/idempotency/idempotency.interceptor';
import { IdempotencyModule } from '../src/idempotency/idempotency.module';
import { IDEMPOTENCY_OPTIONS } from '../src/idempotency/idempotency.options';
import { waitFor } from './support/in-memory-event-source';

// The interceptor through HTTP, applied globally the way AppModule can apply it, on a real SQLite file.

class CreateThingDto {
  @IsString()
  name!: string;
}

/** Counts handler calls; `gate` holds the next handlers until opened. */
const handler = {
  calls: 0,
  gate: Promise.resolve(),
};

@Controller('things')
class ThingsController {
  @Post()
  async create(@Body() dto: CreateThingDto): Promise<{ id: string; name: string; txId: string }> {
    handler.calls += 1;
    const call = handler.calls;
    await handler.gate;
    return { id: `thing-${call}`, name: dto.name, txId: `tx-${call}` };
  }

  @Post('taken')
  taken(): never {
    handler.calls += 1;
    throw new ConflictError('thing already exists', { txId: `tx-${handler.calls}` });
  }

  @Post('unavailable')
  unavailable(): never {
    handler.calls += 1;
    throw new UnavailableError('the network cannot commit right now');
  }

  @Get()
  list(): { calls: number } {
    handler.calls += 1;
    return { calls: handler.calls };
  }
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
    IdempotencyModule,
  ],
  controllers: [ThingsController],
  providers: [{ provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
})
class TestAppModule {}

/** Stands in for the auth guard: `X-Test-User` becomes the principal. */
function fakeAuth(req: Request & RequestWithPrincipal, _res: ExpressResponse, next: NextFunction): void {
  const user = req.get('X-Test-User');
  if (user !== undefined) req[PRINCIPAL_KEY] = { user, mspId: 'RegistryMSP', role: 'registry_clerk' };
  next();
}

interface ErrorBody {
  error: { code: string; message: string; details: unknown[]; txId?: string };
}

describe('IdempotencyInterceptor over HTTP (SQLite)', () => {
  let dir: string;
  let app: NestExpressApplication;
  let server: App;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-idempotency-'));
    const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] })
      .overrideProvider(DATABASE_CONFIG)
      .useValue({ type: 'sqlite', path: path.join(dir, 'index.sqlite') })
      .overrideProvider(IDEMPOTENCY_OPTIONS)
      .useValue({ ttlSeconds: 3600 })
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
    app.use(fakeAuth);
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    handler.calls = 0;
    handler.gate = Promise.resolve();
  });

  const post = (url: string, key: string | undefined, body: object, user = 'registry-clerk') => {
    const req = request(server).post(url).set('X-Test-User', user);
    return key === undefined ? req.send(body) : req.set('Idempotency-Key', key).send(body);
  };

  it('runs the handler once for the same key twice and replays the first answer exactly', async () => {
    const first = await post('/things', 'same-key-1', { name: 'one' });
    const second = await post('/things', 'same-key-1', { name: 'one' });

    expect(handler.calls).toBe(1);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: 'thing-1', name: 'one', txId: 'tx-1' });
    expect(first.get('Idempotent-Replay')).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.type).toBe('application/json');
    expect(second.get('Idempotent-Replay')).toBe('true');
  });

  it('answers 409 CONFLICT when the key comes back with a different body', async () => {
    await post('/things', 'same-key-2', { name: 'one' });
    const res = await post('/things', 'same-key-2', { name: 'two' });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error).toMatchObject({
      code: 'CONFLICT',
      message: 'Idempotency-Key reused with a different request',
    });
    expect(handler.calls).toBe(1);
  });

  it('runs exactly one handler for concurrent duplicates; the others hear "still in progress"', async () => {
    let open: () => void = () => undefined;
    handler.gate = new Promise((resolve) => {
      open = resolve;
    });
    const answers: Response[] = [];
    const pending = Array.from({ length: 6 }, () =>
      post('/things', 'concurrent-key', { name: 'racy' }).then((res) => {
        answers.push(res);
        return res;
      }),
    );
    // five answers arrive while the first request is held inside its handler
    await waitFor('five answers', () => answers.length >= 5);
    open();
    const all = await Promise.all(pending);

    expect(handler.calls).toBe(1);
    expect(all.filter((res) => res.status === 201)).toHaveLength(1);
    const busy = all.filter((res) => res.status === 409);
    expect(busy).toHaveLength(5);
    for (const res of busy) {
      expect((res.body as ErrorBody).error.message).toBe(
        'request with this Idempotency-Key is still in progress',
      );
    }
    const later = await post('/things', 'concurrent-key', { name: 'racy' });
    expect(later.get('Idempotent-Replay')).toBe('true');
    expect(handler.calls).toBe(1);
  });

  it('keeps and replays a 4xx answer, error body and txId included', async () => {
    const first = await post('/things/taken', 'taken-key', {});
    const second = await post('/things/taken', 'taken-key', {});
    expect(first.status).toBe(409);
    expect((first.body as ErrorBody).error).toEqual({
      code: 'CONFLICT',
      message: 'thing already exists',
      details: [],
      txId: 'tx-1',
    });
    expect(second.status).toBe(409);
    expect(second.text).toBe(first.text);
    expect(second.get('Idempotent-Replay')).toBe('true');
    expect(handler.calls).toBe(1);
  });

  it('keeps a validation failure too: the same bad request gets the same answer', async () => {
    const first = await post('/things', 'invalid-body-key', { name: 42 });
    const second = await post('/things', 'invalid-body-key', { name: 42 });
    expect(first.status).toBe(400);
    expect(second.text).toBe(first.text);
    expect(second.get('Idempotent-Replay')).toBe('true');
  });

  it('forgets the key after a 503, so the retry runs again', async () => {
    const first = await post('/things/unavailable', 'retry-key', {});
    const second = await post('/things/unavailable', 'retry-key', {});
    expect([first.status, second.status]).toEqual([503, 503]);
    expect(second.get('Idempotent-Replay')).toBeUndefined();
    expect(handler.calls).toBe(2);
  });

  it('scopes keys by user', async () => {
    const clerk = await post('/things', 'shared-key', { name: 'one' }, 'registry-clerk');
    const officer = await post('/things', 'shared-key', { name: 'one' }, 'tax-officer');
    expect(handler.calls).toBe(2);
    expect(clerk.body).not.toEqual(officer.body);
  });

  it('passes through without the header', async () => {
    await post('/things', undefined, { name: 'one' });
    await post('/things', undefined, { name: 'one' });
    expect(handler.calls).toBe(2);
  });

  it('leaves other methods alone even with the header', async () => {
    await request(server).get('/things').set('Idempotency-Key', 'get-key');
    const res = await request(server).get('/things').set('Idempotency-Key', 'get-key');
    expect(res.body).toEqual({ calls: 2 });
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['a space', 'my key'],
    ['a slash', 'a/b'],
    ['non-ASCII', '键'],
  ])('refuses a key that is %s with 400 VALIDATION_FAILED, before the handler runs', async (_case, key) => {
    // HTTP headers are bytes: a non-ASCII key arrives as its UTF-8 bytes read as Latin-1
    const header = Buffer.from(key, 'utf8').toString('latin1');
    const res = await request(server).post('/things').set('Idempotency-Key', header).send({ name: 'one' });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'Idempotency-Key' }) as unknown],
    });
    expect(handler.calls).toBe(0);
  });

  it('accepts 128 characters of the allowed alphabet', async () => {
    const res = await post('/things', `${'a'.repeat(120)}Z9_.:-AB`, { name: 'one' });
    expect(res.status).toBe(201);
  });
});
