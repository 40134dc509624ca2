import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { residentId, titleNumber, unitNumber } from '../support/identifiers';

// Issue 14: a write whose commit status times out answers 503, but its transaction still commits.
// The client's retry with the same Idempotency-Key must get the first answer (201, the same txId and
// block), not write a second time. A gateway with a 1 ms commit-status deadline makes every write's
// getStatus time out while the network commits the transaction anyway; the retry finds it with qscc.

type Body = Record<string, unknown>;

interface Answer {
  readonly status: number;
  readonly body: Body;
  readonly retryAfter: string | null;
  readonly replayed: boolean;
}

const REGISTRATIONS = '/api/v1/real-estate/registrations';

describe('Idempotency-Key after a commit-status timeout, on the real network', () => {
  let gateway: GatewayProcess;
  let token: string;
  let dbDir: string;

  beforeAll(async () => {
    token = apiTokens()['registry-clerk'] ?? '';
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-idempotent-retry-'));
    gateway = await startGateway('idempotent-retry', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      // getStatus gives up at once; the transaction is already with the orderer and commits anyway
      FABRIC_COMMIT_STATUS_TIMEOUT_MS: '1',
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  async function register(key: string, body: Body): Promise<Answer> {
    const response = await fetch(`${gateway.baseUrl}${REGISTRATIONS}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    return {
      status: response.status,
      body: (await response.json()) as Body,
      retryAfter: response.headers.get('retry-after'),
      replayed: response.headers.get('idempotent-replay') === 'true',
    };
  }

  /** Retries as a client would, honouring Retry-After, until the answer is no longer 503. */
  async function retryUntilSettled(key: string, body: Body): Promise<Answer> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await register(key, body);
      if (answer.status !== 503 || Date.now() > deadline) return answer;
      await sleep(Number(answer.retryAfter ?? '1') * 1000);
    }
  }

  it('answers the retry with the first answer and writes once', async () => {
    const unit = unitNumber();
    const certificateNumber = titleNumber();
    const body = {
      type: 'FIRST',
      unitNumber: unit,
      certificateNumber,
      holders: [{ name: '王重试', idNumber: residentId(), share: '1/1' }],
    };
    const key = `retry-${unit}`;

    const first = await register(key, body);
    expect({ status: first.status, code: (first.body.error as Body | undefined)?.code }).toEqual({
      status: 503,
      code: 'UNAVAILABLE',
    });
    const txId = (first.body.error as Body).txId;
    expect(txId).toMatch(/^[0-9a-f]{64}$/);
    expect(first.retryAfter).toMatch(/^\d+$/);

    const retry = await retryUntilSettled(key, body);
    expect({ status: retry.status, error: retry.body.error }).toEqual({ status: 201, error: undefined });
    expect(retry.replayed).toBe(true);
    expect(retry.body).toMatchObject({
      registrationId: `${unit}-00000001`,
      unitNumber: unit,
      certificateNumber,
      unitStatus: 'REGISTERED',
      txId,
    });
    expect(typeof retry.body.blockNumber).toBe('number');
    // a value the retry would have made up (a certificate's verification code) is not the first one's
    expect(retry.body).not.toHaveProperty('verificationCode');

    // later retries replay the stored answer
    const again = await register(key, body);
    expect({ status: again.status, replayed: again.replayed, body: again.body }).toEqual({
      status: 201,
      replayed: true,
      body: retry.body,
    });

    // the ledger has that transaction, VALID, in that block, and the unit exactly one act
    const transaction = await call(gateway.baseUrl, 'GET', `/api/v1/ledger/transactions/${String(txId)}`);
    expect(transaction.status).toBe(200);
    expect(transaction.body).toMatchObject({ validationCode: 'VALID', blockNumber: retry.body.blockNumber });
    const history = await call(gateway.baseUrl, 'GET', `/api/v1/real-estate/units/${unit}/history`, {
      token,
    });
    expect(history.status).toBe(200);
    const acts = history.body.registrations as Body[];
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ txId, type: 'FIRST' });
  });

  it('still refuses the key for a different request while the first one is unresolved or done', async () => {
    const unit = unitNumber();
    const body = {
      type: 'FIRST',
      unitNumber: unit,
      certificateNumber: titleNumber(),
      holders: [{ name: '李另', idNumber: residentId(), share: '1/1' }],
    };
    const key = `retry-other-${unit}`;
    const first = await register(key, body);
    expect(first.status).toBe(503);
    const other = await register(key, {
      ...body,
      holders: [{ name: '李另', idNumber: residentId(), share: '1/1' }],
    });
    expect(other.status).toBe(409);
    expect(await retryUntilSettled(key, body)).toMatchObject({ status: 201, replayed: true });
  });
});
