import * as nodeCrypto from 'node:crypto';
import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Controller, Get, Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../app.setup';
import { JsonLogger } from '../common/logging/json-logger';
import { type EnrolledUser } from '../../../chaincode/src/contract';
import { validateEnv } from '../config/validate-env';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles } from './auth.decorators';
import { AuthModule } from './auth.module';
import { type Principal } from './principal';

@Controller('probe')
class ProbeController {
  @Get('any')
  any(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('clerks')
  @Roles('registry_clerk', 'market_clerk')
  clerks(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Public()
  @Get('public')
  open(@OptionalPrincipal() principal: Principal | undefined): { principal: Principal | null } {
    return { principal: principal ?? null };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  open(): { ok: true } {
    return { ok: true };
  }
}

// timingSafeEqual is wrapped so a test can count the comparisons; it still compares for real
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<Record<string, unknown>>('node:crypto');
  return {
    ...actual,
    timingSafeEqual: jest.fn(actual['timingSafeEqual'] as typeof nodeCrypto.timingSafeEqual),
  };
});

const sha256 = (token: string): string => nodeCrypto.createHash('sha256').update(token).digest('hex');

function enrolled(user: string, role: string, token: string, revoked = false): EnrolledUser {
  return {
    user,
    mspId: role === 'tax_officer' ? 'TaxMSP' : 'RegistryMSP',
    role,
    certificatePath: `${user}/cert.pem`,
    privateKeyPath: `${user}/key.pem`,
    tokenSha256: sha256(token),
    revoked,
    enrolledAt: '2026-03-01T08:00:00.000Z',
  };
}

describe('AuthGuard (global) with identities.json', () => {
  let dir: string;
  let file: string;
  let app: NestExpressApplication;
  let server: App;
  const savedEnv = { ...process.env };

  const clerk = enrolled('registry-clerk', 'registry_clerk', 'clerk-token');
  const officer = enrolled('tax-officer', 'tax_officer', 'officer-token');
  const former = enrolled('former-clerk', 'registry_clerk', 'former-token', true);
  const truckUnit: EnrolledUser = {
    ...enrolled('truck-unit', 'vehicle_device', 'unit-token'),
    mspId: 'UrbanMSP',
    device: { vehicleId: '粤A12345' },
  };

  async function writeUsers(users: EnrolledUser[] | string): Promise<void> {
    const temp = `${file}.tmp`;
    await writeFile(temp, typeof users === 'string' ? users : JSON.stringify({ version: 1, users }));
    await rename(temp, file);
  }

  const get = (url: string, token?: string): request.Test => {
    const req = request(server).get(url);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-auth-'));
    file = path.join(dir, 'identities.json');
    process.env['GOVTRACE_IDENTITIES'] = file;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        AuthModule,
      ],
      controllers: [ProbeController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      ...APP_OPTIONS,
      logger: new JsonLogger('error', () => undefined),
    });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  beforeEach(() => writeUsers([clerk, officer, former]));

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    process.env = savedEnv;
    jest.restoreAllMocks();
  });

  it('lets a valid token through and sets the principal from identities.json', async () => {
    const res = await get('/probe/any', 'clerk-token');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: 'registry-clerk', mspId: 'RegistryMSP', role: 'registry_clerk' });
  });

  it("a device's principal carries what its certificate binds it to", async () => {
    await writeUsers([clerk, officer, former, truckUnit]);
    const res = await get('/probe/any', 'unit-token');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: 'truck-unit',
      mspId: 'UrbanMSP',
      role: 'vehicle_device',
      device: { vehicleId: '粤A12345' },
    });
  });

  it.each<[string, string | undefined, Record<string, string>, string]>([
    ['no Authorization header', undefined, {}, 'Missing bearer token'],
    ['another scheme', undefined, { Authorization: 'Basic Y2xlcms6eA==' }, 'must be "Bearer <token>"'],
    ['an empty bearer token', undefined, { Authorization: 'Bearer ' }, 'must be "Bearer <token>"'],
    ['an unknown token', 'guess', {}, 'Invalid or revoked token'],
    ['a revoked token', 'former-token', {}, 'Invalid or revoked token'],
    ['an over-long token', 'x'.repeat(600), {}, 'Invalid or revoked token'],
  ])('answers 401 UNAUTHENTICATED for %s', async (_label, token, headers, message) => {
    const res = await get('/probe/any', token).set(headers);
    expect(res.status).toBe(401);
    expect(res.get('WWW-Authenticate')).toBe('Bearer realm="govtrace"');
    expect(res.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining(message) as unknown, details: [] },
    });
  });

  it('accepts the scheme in any case', async () => {
    expect((await request(server).get('/probe/any').set('Authorization', 'bearer clerk-token')).status).toBe(
      200,
    );
  });

  it('answers 403 FORBIDDEN naming the roles when the role does not match', async () => {
    const res = await get('/probe/clerks', 'officer-token');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message:
          'This operation needs the role registry_clerk or market_clerk; tax-officer has the role tax_officer',
        details: [
          { message: 'role not allowed', required: 'registry_clerk,market_clerk', role: 'tax_officer' },
        ],
      },
    });
    expect((await get('/probe/clerks', 'clerk-token')).status).toBe(200);
  });

  it('checks the token before the role', async () => {
    expect((await get('/probe/clerks')).status).toBe(401);
  });

  describe('public routes', () => {
    it('need no token', async () => {
      expect((await get('/open')).body).toEqual({ ok: true });
      expect((await get('/probe/public')).body).toEqual({ principal: null });
    });

    it('still know a caller with a valid token', async () => {
      expect((await get('/probe/public', 'clerk-token')).body).toMatchObject({
        principal: { user: 'registry-clerk' },
      });
    });

    it('treat a bad token as no token rather than failing', async () => {
      const res = await get('/probe/public', 'former-token');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ principal: null });
    });
  });

  describe('changes to identities.json', () => {
    it('apply to the very next request: revocation, a new user', async () => {
      expect((await get('/probe/any', 'clerk-token')).status).toBe(200);
      await writeUsers([{ ...clerk, revoked: true }, officer]);
      expect((await get('/probe/any', 'clerk-token')).status).toBe(401);
      const newcomer = enrolled('market-clerk', 'market_clerk', 'newcomer-token');
      await writeUsers([officer, newcomer]);
      expect((await get('/probe/clerks', 'newcomer-token')).body).toMatchObject({ user: 'market-clerk' });
    });

    it('are seen even when rewritten in place with the same size', async () => {
      const same = enrolled('registry-clerk', 'registry_clerk', 'clerk-token', true);
      await writeFile(file, JSON.stringify({ version: 1, users: [clerk] }));
      expect((await get('/probe/any', 'clerk-token')).status).toBe(200);
      await writeFile(
        file,
        JSON.stringify({ version: 1, users: [{ ...same, revoked: 'x' }] }).replace('"x"', 'true '),
      );
      expect((await get('/probe/any', 'clerk-token')).status).toBe(401);
    });

    it('fail closed while the file is missing or invalid, and recover when it is fixed', async () => {
      await unlink(file);
      expect((await get('/probe/any', 'clerk-token')).status).toBe(401);
      await writeUsers('{"version":1,"users":[');
      expect((await get('/probe/any', 'clerk-token')).status).toBe(401);
      await writeUsers([clerk]);
      expect((await get('/probe/any', 'clerk-token')).status).toBe(200);
    });
  });

  it('compares the token digest with every user, without stopping at the match', async () => {
    const compare = jest.mocked(nodeCrypto.timingSafeEqual);
    compare.mockClear();
    const res = await get('/probe/any', 'clerk-token'); // the first of three users
    expect(res.status).toBe(200);
    expect(compare).toHaveBeenCalledTimes(3);
  });
});
