import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { common } from '@hyperledger/fabric-protos';
import { demoUsers } from '../../scripts/src';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';

// The gateway platform over HTTP against the real network: every demo user's
// token acts on the ledger as that user's own Fabric CA identity.
// The demo users of API.md, as `network up` provisions them.

describe('gateway platform over HTTP', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let observer: OrgConnection;
  let channel: string;
  let dbDir: string;
  const token = (user: string): string => tokens[user] ?? '';

  beforeAll(async () => {
    tokens = apiTokens();
    const t = await topology();
    channel = t.channel;
    observer = connectAs(findOrg(t, 'MarketMSP'));
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-platform-'));
    gateway = await startGateway('platform', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    observer?.close();
    rmSync(dbDir, { recursive: true, force: true });
  });

  async function chainHeight(): Promise<bigint> {
    const qscc = observer.gateway.getNetwork(channel).getContract('qscc');
    return BigInt(
      common.BlockchainInfo.deserializeBinary(
        await qscc.evaluateTransaction('GetChainInfo', channel),
      ).getHeight(),
    );
  }

  it.each(demoUsers)('$user writes as its own identity ($mspId, $role)', async ({ user, mspId, role }) => {
    const key = `platform-${user}-${Date.now()}`;
    const written = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', {
      token: token(user),
      body: { key, value: `written by ${user}` },
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ key });
    expect(String(written.body['txId'])).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(written.body['blockNumber'])).toBeGreaterThan(0);

    // The write answered once the writer's own peer committed it; the gateway reads transactions
    // through its service identity's peer, which may commit the same block a moment later.
    const readBack = () =>
      call(gateway.baseUrl, 'GET', `/api/v1/ledger/transactions/${String(written.body['txId'])}`, {
        token: token(user),
      });
    let transaction = await readBack();
    for (let attempt = 0; transaction.status === 404 && attempt < 40; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      transaction = await readBack();
    }
    expect(transaction.status).toBe(200);
    expect(transaction.body).toMatchObject({
      txId: written.body['txId'],
      validationCode: 'VALID',
      creatorMspId: mspId,
      creator: { mspId, role },
    });
    expect(String((transaction.body['creator'] as Record<string, unknown>)['subject'])).toContain(user);
  });

  it('answers 401 without a token and with an unknown token', async () => {
    const body = { key: 'platform-anonymous', value: 'x' };
    const missing = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', { body });
    const unknown = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', {
      body,
      token: 'gt_not-a-token',
    });
    for (const answer of [missing, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses an unknown field with 400 VALIDATION_FAILED naming it, writing nothing', async () => {
    const before = await chainHeight();
    const answer = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', {
      token: token('registry-clerk'),
      body: { key: 'platform-unknown-field', value: 'x', sneaky: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(answer.body)).toContain('sneaky');
    expect(await chainHeight()).toBe(before);
  });

  it('writes once when the same Idempotency-Key is sent twice', async () => {
    const request = {
      token: token('station-operator'),
      body: { key: `platform-idempotent-${Date.now()}`, value: 'once' },
      headers: { 'idempotency-key': `e2e-${Date.now()}` },
    };
    const first = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', request);
    expect(first.status).toBe(201);
    const heightAfterFirst = await chainHeight();
    const second = await call(gateway.baseUrl, 'POST', '/api/v1/smoke/values', request);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await chainHeight()).toBe(heightAfterFirst);
  });
});
