import { createHash } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Controller, Get, Logger, Post } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { type EnrolledUser } from '../../chaincode/src/contract';
import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { CurrentPrincipal, Roles } from '../src/auth/auth.decorators';
import { type Principal } from '../src/auth/principal';
import { JsonLogger } from '../src/common/logging/json-logger';
import { validateEnv } from '../src/config/validate-env';
import { ConsoleModule } from '../src/console';

// The staff console's sign-in, session cookie and CSRF protection, through the real global guard
// and identities.json (no network): who may sign in, what a session may do, and what ends it.

@Controller('probe')
class ProbeController {
  @Get()
  read(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post()
  write(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('registry')
  @Roles('registry_clerk')
  registry(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

function enrolled(user: string, mspId: string, role: string, token: string, revoked = false): EnrolledUser {
  return {
    user,
    mspId,
    role,
    certificatePath: `${user}/cert.pem`,
    privateKeyPath: `${user}/key.pem`,
    tokenSha256: sha256(token),
    revoked,
    enrolledAt: '2026-03-01T08:00:00.000Z',
  };
}

const clerk = enrolled('registry-clerk', 'RegistryMSP', 'registry_clerk', 'clerk-token');
const station = enrolled('station-operator', 'UrbanMSP', 'station_operator', 'station-token');

describe('staff console sessions', () => {
  let dir: string;
  let file: string;
  let app: NestExpressApplication;
  let server: App;
  const savedEnv = { ...process.env };

  async function writeUsers(users: EnrolledUser[]): Promise<void> {
    await writeFile(`${file}.tmp`, JSON.stringify({ version: 1, users }));
    await rename(`${file}.tmp`, file);
  }

  /** Signs in; the session cookie (name=value) and the CSRF token. */
  async function signIn(body: object): Promise<{ cookie: string; csrf: string }> {
    const res = await request(server).post('/console/session').send(body);
    expect(res.status).toBe(201);
    const cookie = (res.get('Set-Cookie') ?? [])[0] ?? '';
    return { cookie: cookie.split(';')[0] ?? '', csrf: (res.body as { csrfToken: string }).csrfToken };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-console-'));
    file = path.join(dir, 'identities.json');
    process.env['GOVTRACE_IDENTITIES'] = file;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        ConsoleModule,
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      ...APP_OPTIONS,
      logger: new JsonLogger('error', () => undefined),
    });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  beforeEach(() => writeUsers([clerk, station]));

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    process.env = savedEnv;
    jest.restoreAllMocks();
  });

  it('signs in with a token: an HttpOnly, SameSite=Strict cookie, and the CSRF token in the body', async () => {
    const res = await request(server).post('/console/session').send({ token: 'clerk-token' });
    expect(res.status).toBe(201);
    const cookie = (res.get('Set-Cookie') ?? [])[0] ?? '';
    expect(cookie).toMatch(
      /^govtrace_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(res.body).toEqual({
      user: 'registry-clerk',
      role: 'registry_clerk',
      mspId: 'RegistryMSP',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      expiresAt: expect.any(String) as unknown,
    });
    expect(res.get('Cache-Control')).toBe('no-store');
  });

  it('signs in with a user name and the token as password', async () => {
    const { cookie } = await signIn({ user: 'station-operator', password: 'station-token' });
    const res = await request(server).get('/probe').set('Cookie', cookie);
    expect(res.body).toEqual({ user: 'station-operator', mspId: 'UrbanMSP', role: 'station_operator' });
  });

  it.each([
    ['a wrong token', { token: 'guess' }, 401],
    ["another user's token", { user: 'registry-clerk', password: 'station-token' }, 401],
    ['a wrong password', { user: 'registry-clerk', password: 'guess' }, 401],
    [
      'token and password together',
      { token: 'clerk-token', user: 'registry-clerk', password: 'clerk-token' },
      400,
    ],
    ['a user without password', { user: 'registry-clerk' }, 400],
    ['nothing', {}, 400],
    ['an unknown field', { token: 'clerk-token', role: 'registry_clerk' }, 400],
  ])('refuses %s and sets no cookie', async (_label, body, status) => {
    const res = await request(server).post('/console/session').send(body);
    expect(res.status).toBe(status);
    expect(res.get('Set-Cookie')).toBeUndefined();
  });

  it('refuses a revoked user', async () => {
    await writeUsers([{ ...clerk, revoked: true }, station]);
    expect((await request(server).post('/console/session').send({ token: 'clerk-token' })).status).toBe(401);
  });

  it('refuses a form-encoded sign-in, so another site cannot sign a browser in with a plain form', async () => {
    const res = await request(server).post('/console/session').type('form').send('token=clerk-token');
    expect(res.status).toBe(415);
    expect(res.get('Set-Cookie')).toBeUndefined();
  });

  it('answers the current session with the same CSRF token, and 401 without one', async () => {
    const { cookie, csrf } = await signIn({ token: 'clerk-token' });
    const res = await request(server).get('/console/session').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect((res.body as { csrfToken: string }).csrfToken).toBe(csrf);
    expect((await request(server).get('/console/session')).status).toBe(401);
    expect(
      (
        await request(server)
          .get('/console/session')
          .set('Cookie', `govtrace_console=${'a'.repeat(43)}`)
      ).status,
    ).toBe(401);
  });

  it('refuses a write without the CSRF token, or with a wrong one, with 403', async () => {
    const { cookie, csrf } = await signIn({ token: 'clerk-token' });
    const missing = await request(server).post('/probe').set('Cookie', cookie);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({
      error: { code: 'FORBIDDEN', details: [{ field: 'x-csrf-token' }] },
    });
    const wrong = await request(server)
      .post('/probe')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', `${csrf.slice(1)}x`);
    expect(wrong.status).toBe(403);
    const right = await request(server).post('/probe').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ user: 'registry-clerk' });
  });

  it("does not accept one session's CSRF token for another session", async () => {
    const first = await signIn({ token: 'clerk-token' });
    const second = await signIn({ token: 'clerk-token' });
    const res = await request(server)
      .post('/probe')
      .set('Cookie', second.cookie)
      .set('X-CSRF-Token', first.csrf);
    expect(res.status).toBe(403);
  });

  it("keeps the server's role check: a station operator's session cannot post a registry form", async () => {
    const { cookie, csrf } = await signIn({ token: 'station-token' });
    const res = await request(server).post('/probe/registry').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: { code: 'FORBIDDEN', details: [{ required: 'registry_clerk' }] },
    });
  });

  it('ends the session at once when the user is revoked or the token re-issued', async () => {
    const revoked = await signIn({ token: 'clerk-token' });
    const reissued = await signIn({ token: 'station-token' });
    await writeUsers([
      { ...clerk, revoked: true },
      { ...station, tokenSha256: sha256('new-token') },
    ]);
    expect((await request(server).get('/probe').set('Cookie', revoked.cookie)).status).toBe(401);
    expect((await request(server).get('/probe').set('Cookie', reissued.cookie)).status).toBe(401);
    // restoring the user does not bring the ended session back
    await writeUsers([clerk, station]);
    expect((await request(server).get('/probe').set('Cookie', revoked.cookie)).status).toBe(401);
  });

  it('judges a request with an Authorization header by that header alone', async () => {
    const { cookie } = await signIn({ token: 'clerk-token' });
    const res = await request(server)
      .get('/probe')
      .set('Cookie', cookie)
      .set('Authorization', 'Bearer guess');
    expect(res.status).toBe(401);
  });

  it('signs out only with the CSRF token, clears the cookie and ends the session', async () => {
    const { cookie, csrf } = await signIn({ token: 'clerk-token' });
    expect((await request(server).delete('/console/session').set('Cookie', cookie)).status).toBe(403);
    const res = await request(server)
      .delete('/console/session')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf);
    expect(res.status).toBe(204);
    expect((res.get('Set-Cookie') ?? [])[0]).toMatch(
      /^govtrace_console=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/,
    );
    expect((await request(server).get('/probe').set('Cookie', cookie)).status).toBe(401);
  });

  it('serves the console page with a strict content security policy and versioned assets', async () => {
    const page = await request(server).get('/console');
    expect(page.status).toBe(200);
    expect(page.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(page.text).toMatch(/\/console\/assets\/console-app\.js\?v=[0-9a-f]{16}"/);
    expect(page.text).toMatch(/\/console\/assets\/chart\.umd\.min\.js\?v=[0-9a-f]{16}"/);
    const chart = await request(server).get('/console/assets/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect(chart.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect((await request(server).get('/console/assets/nothing.js')).status).toBe(404);
  });
});
