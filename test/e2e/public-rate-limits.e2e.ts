import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { apiTokens, type GatewayProcess, startGateway } from '../support/gateway-process';
import { unitNumber } from '../support/identifiers';

// Every public route is rate limited per client address (issue 14), and the address is the one the
// city's reverse proxy forwards only when TRUSTED_PROXIES names that proxy. Over HTTP against the
// built gateway: here the test itself plays the proxy on 127.0.0.1, forwarding for two citizens at
// 127.0.0.7 and 127.0.0.8 (loopback addresses: nothing leaves this machine).

const LIMIT = 5;
const NO_SUCH_TRANSACTION = `/api/v1/ledger/transactions/${'0'.repeat(64)}`;

async function get(
  gateway: GatewayProcess,
  route: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await fetch(`${gateway.baseUrl}${route}`, {
    headers,
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer();
  return response;
}

const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

async function statuses(
  gateway: GatewayProcess,
  route: string,
  address: string,
  times: number,
): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < times; i += 1) answers.push((await get(gateway, route, from(address))).status);
  return answers;
}

describe('rate limits of the public routes', () => {
  jest.setTimeout(120_000);
  const dirs: string[] = [];

  async function gatewayWith(name: string, env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
    const dir = mkdtempSync(path.join(tmpdir(), `govtrace-${name}-`));
    dirs.push(dir);
    return startGateway(name, {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dir, 'index.sqlite'),
      VERIFY_RATE_LIMIT: String(LIMIT),
      ...env,
    });
  }

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('behind a trusted proxy (TRUSTED_PROXIES=loopback)', () => {
    let gateway: GatewayProcess;

    beforeAll(async () => {
      gateway = await gatewayWith('rate-limit-proxied', { TRUSTED_PROXIES: 'loopback' });
    });

    afterAll(() => gateway?.kill('SIGTERM'));

    it('refuses the citizen past the limit with 429 in the error format and a Retry-After', async () => {
      expect(await statuses(gateway, NO_SUCH_TRANSACTION, '127.0.0.7', LIMIT)).toEqual(
        Array(LIMIT).fill(404),
      );
      const refused = await fetch(`${gateway.baseUrl}${NO_SUCH_TRANSACTION}`, { headers: from('127.0.0.7') });
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it("counts the citizens' routes together: the verify page and verification are refused too", async () => {
      expect((await get(gateway, '/verify', from('127.0.0.7'))).status).toBe(429);
      expect(
        (await get(gateway, '/api/v1/verify/licenses/91350100M000100Y43', from('127.0.0.7'))).status,
      ).toBe(429);
    });

    it('counts another citizen behind the same proxy apart', async () => {
      expect((await get(gateway, NO_SUCH_TRANSACTION, from('127.0.0.8'))).status).toBe(404);
    });

    it('keeps operations routes on their own limit, and leaves staff routes with a token alone', async () => {
      expect((await get(gateway, '/health', from('127.0.0.7'))).status).toBe(200);
      const token = apiTokens()['registry-clerk'] ?? '';
      const staff = await get(gateway, `/api/v1/real-estate/acts?unitNumber=${unitNumber()}`, {
        ...from('127.0.0.7'),
        authorization: `Bearer ${token}`,
      });
      expect(staff.status).toBe(200);
    });
  });

  describe('without TRUSTED_PROXIES', () => {
    let gateway: GatewayProcess;

    beforeAll(async () => {
      gateway = await gatewayWith('rate-limit-direct', {});
    });

    afterAll(() => gateway?.kill('SIGTERM'));

    it('believes no X-Forwarded-For: a client cannot escape its limit by naming another address', async () => {
      expect(await statuses(gateway, NO_SUCH_TRANSACTION, '127.0.0.7', LIMIT)).toEqual(
        Array(LIMIT).fill(404),
      );
      expect((await get(gateway, NO_SUCH_TRANSACTION, from('127.0.0.8'))).status).toBe(429);
      expect((await get(gateway, NO_SUCH_TRANSACTION)).status).toBe(429);
    });
  });
});
