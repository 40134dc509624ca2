import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { AcceptedWrites, INDEX_ROWS } from '../support/hostile/accepted-writes';
import { apiTokens, type GatewayProcess, startGateway } from '../support/gateway-process';
import { READ_ENDPOINTS, WRITE_ENDPOINTS, type WriteEndpoint } from '../support/hostile/endpoints';
import * as gen from '../support/hostile/generators';
import * as ids from '../support/hostile/identifiers';
import { errorCode, errorFormatProblem, type RawRequest, send } from '../support/hostile/http';
import {
  blocksSince,
  chainHeight,
  gatewayAttempts,
  indexRowsNaming,
  type Observer,
  openObserver,
  type Snapshot,
  snapshot,
  transactionsSince,
} from '../support/hostile/ledger-snapshot';

// Hostile input against the real gateway (its own process and SQLite index) on the real network:
// generated bodies, path values and headers on every endpoint with valid tokens. Whatever comes in,
// the answer is never a 5xx other than 503, every 4xx is in the API error format, and the refused
// requests change neither the ledger nor the index. What a generated request may legitimately do
// (a mutated body that is still valid is written) is counted and accounted for.

const RUNS_PER_ENDPOINT = 40;
const TIME_LIMIT_MS = 60_000; // per property, on top of numRuns

describe('hostile input', () => {
  let gateway: GatewayProcess;
  let observer: Observer;
  let dbDir: string;
  let dbPath: string;
  let tokens: Record<string, string>;
  let before: Snapshot;
  const problems: string[] = [];
  const accepted = new AcceptedWrites();

  beforeAll(async () => {
    tokens = apiTokens();
    observer = await openObserver();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-hostile-'));
    dbPath = path.join(dbDir, 'index.sqlite');
    gateway = await startGateway('hostile-input', { DATABASE_TYPE: 'sqlite', DATABASE_PATH: dbPath });
    // a fresh index starts from block 0: give it time to project the channel before the snapshot (on
    // a long-lived network with 1000-scan blocks that replay alone can take minutes on 2 cores)
    before = await snapshot(observer, gateway.baseUrl, dbPath, 300_000);
  }, 360_000);

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    observer?.connection.close();
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  const tokenOf = (user: string): string => {
    const token = tokens[user];
    if (!token) throw new Error(`no token for ${user}`);
    return token;
  };

  /** Sends, checks the answer's status and format (a problem is kept), and records what was written. */
  async function probe(what: string, request: RawRequest, allowed: ReadonlySet<number>): Promise<boolean> {
    const answer = await send(gateway.baseUrl, request);
    const problem =
      errorFormatProblem(answer) ?? (allowed.has(answer.status) ? undefined : `status ${answer.status}`);
    if (problem)
      problems.push(`${what}: ${describeRequest(request)} → ${problem}: ${answer.text.slice(0, 200)}`);
    if (request.method === 'POST' && answer.status === 201)
      accepted.record(request.path, request.body, answer.json, ids.issued);
    return problem === undefined;
  }

  beforeEach(() => {
    problems.length = 0;
  });

  const WRITE_STATUSES = new Set([201, 400, 404, 409, 413, 415, 422, 503]);
  const READ_STATUSES = new Set([200, 400, 403, 404, 503]);
  const run = {
    numRuns: RUNS_PER_ENDPOINT,
    interruptAfterTimeLimit: TIME_LIMIT_MS,
    markInterruptAsFailure: false,
  };

  describe('generated bodies on every write endpoint', () => {
    it.each(WRITE_ENDPOINTS.map((e) => [e.name, e] as const))(
      '%s',
      async (_name, endpoint: WriteEndpoint) => {
        const user = endpoint.allowed[0] ?? 'registry-clerk';
        await fc.assert(
          fc.asyncProperty(
            gen.hostileBody(() => endpoint.make().body),
            async (body) => {
              // the path of a fresh request: steps and licences name a fresh case / USCC each time
              return probe(
                'body',
                { method: 'POST', path: endpoint.make().path, body, headers: auth(user) },
                WRITE_STATUSES,
              );
            },
          ),
          run,
        );
        expect(problems).toEqual([]);
      },
      120_000,
    );
  });

  describe('generated path values on every endpoint with a path or query parameter', () => {
    it.each(READ_ENDPOINTS.map((e) => [e.name, e] as const))(
      '%s',
      async (_name, endpoint) => {
        await fc.assert(
          fc.asyncProperty(gen.hostileSegment, async (segment) => {
            const headers = endpoint.user ? auth(endpoint.user) : {};
            await probe('path', { method: 'GET', path: endpoint.path(segment), headers }, READ_STATUSES);
          }),
          run,
        );
        expect(problems).toEqual([]);
      },
      120_000,
    );

    const writePaths: [string, string, (segment: string) => string, Record<string, unknown>][] = [
      [
        'steps caseId',
        'market-clerk',
        (s) => `/api/v1/business/cases/${s}/steps/LICENSE`,
        { reference: 'R-1' },
      ],
      [
        'steps step',
        'market-clerk',
        (s) => `/api/v1/business/cases/BO-${ids.uscc()}/steps/${s}`,
        { reference: 'R-1' },
      ],
      [
        'licence uscc',
        'market-clerk',
        (s) => `/api/v1/business/licenses/${s}/status`,
        { status: 'REVOKED', reason: 'x' },
      ],
    ];
    it.each(writePaths)(
      'POST %s',
      async (_name, user, route, body) => {
        await fc.assert(
          fc.asyncProperty(gen.hostileSegment, async (segment) => {
            return probe(
              'path',
              { method: 'POST', path: route(segment), body, headers: auth(user) },
              WRITE_STATUSES,
            );
          }),
          run,
        );
        expect(problems).toEqual([]);
      },
      120_000,
    );
  });

  describe('generated headers', () => {
    it.each(WRITE_ENDPOINTS.map((e) => [e.name, e] as const))(
      '%s',
      async (_name, endpoint: WriteEndpoint) => {
        const user = endpoint.allowed[0] ?? 'registry-clerk';
        const headerSets = fc.record({
          authorization: gen.hostileAuthorization(tokenOf(user)),
          contentType: gen.hostileContentType,
          idempotencyKey: gen.hostileIdempotencyKey,
        });
        await fc.assert(
          fc.asyncProperty(headerSets, fc.boolean(), async (h, garbage) => {
            const headers: Record<string, string> = { 'content-type': h.contentType };
            if (h.authorization !== undefined) headers['authorization'] = h.authorization;
            if (h.idempotencyKey !== undefined) headers['idempotency-key'] = h.idempotencyKey;
            const request = endpoint.make();
            const statuses = new Set([...WRITE_STATUSES, 401, 403]);
            return probe(
              'headers',
              { method: 'POST', path: request.path, body: garbage ? '{"a":' : request.body, headers },
              statuses,
            );
          }),
          run,
        );
        expect(problems).toEqual([]);
      },
      120_000,
    );
  });

  describe('explicit limits', () => {
    it('answers 413 PAYLOAD_TOO_LARGE in the error format to a 2 MB body, with or without a token', async () => {
      const body = JSON.stringify({ key: 'hx-large', value: 'x'.repeat(2 * 1024 * 1024) });
      for (const headers of [auth('registry-clerk'), {}]) {
        const attempts = await gatewayAttempts(gateway.baseUrl);
        const answer = await send(gateway.baseUrl, {
          method: 'POST',
          path: '/api/v1/smoke/values',
          body,
          headers,
        });
        expect(answer.status).toBe(413);
        expect(errorFormatProblem(answer)).toBeUndefined();
        expect(errorCode(answer)).toBe('PAYLOAD_TOO_LARGE');
        expect(await gatewayAttempts(gateway.baseUrl)).toBe(attempts);
      }
    });

    it.each([
      ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
      ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
      ['scans', (n: number) => `{"scans":${'['.repeat(n)}${']'.repeat(n)}}`],
      ['a holder', (n: number) => `{"type":"FIRST","holders":[${'{"name":'.repeat(n)}1${'}'.repeat(n)}]}`],
    ])('answers 400 to 10 000 levels of nested %s on every write endpoint', async (_name, nested) => {
      const body = nested(10_000);
      const attempts = await gatewayAttempts(gateway.baseUrl);
      const answers: string[] = [];
      for (const endpoint of WRITE_ENDPOINTS) {
        const user = endpoint.allowed[0] ?? 'registry-clerk';
        const answer = await send(gateway.baseUrl, {
          method: 'POST',
          path: endpoint.make().path,
          body,
          headers: auth(user),
        });
        answers.push(`${endpoint.name}: ${answer.status} ${errorCode(answer) ?? answer.text.slice(0, 80)}`);
      }
      expect(answers).toEqual(WRITE_ENDPOINTS.map((endpoint) => `${endpoint.name}: 400 VALIDATION_FAILED`));
      expect(await gatewayAttempts(gateway.baseUrl)).toBe(attempts);
    });

    // Node's HTTP parser refuses a request head over 16 KB itself (431, no body) unless the server
    // answers its clientError: API.md wants every error in the API format.
    it('answers 431 in the API error format to a request line over 16 KB', async () => {
      const answer = await send(gateway.baseUrl, {
        method: 'GET',
        path: `/api/v1/waste/bags/${'x'.repeat(20_000)}/trace`,
        headers: auth('hauler'),
      });
      expect(answer.status).toBe(431);
      expect(errorFormatProblem(answer)).toBeUndefined();
    });

    // A number JavaScript prints in exponent form (1e-7, 5e-324) has no '.' for class-validator's
    // maxDecimalPlaces check to split on: each amount with two decimal places at most.
    it.each([
      [
        'taxPaidCny',
        'tax-officer',
        '/api/v1/real-estate/deed-tax-clearances',
        (n: number) => ({ ...base(1), taxPaidCny: n }),
      ],
      [
        'areaM2',
        'registry-clerk',
        '/api/v1/real-estate/registrations',
        (n: number) => ({ ...base(0), property: { location: '某路1号', areaM2: n, usage: '住宅' } }),
      ],
      [
        'amountCny',
        'registry-clerk',
        '/api/v1/real-estate/registrations',
        (n: number) => ({
          ...base(0),
          mortgage: { mortgagee: '某银行', mortgageeUscc: ids.uscc(), amountCny: n },
        }),
      ],
    ])('answers 400 naming %s to amounts printed in exponent form', async (field, user, route, body) => {
      const answers: string[] = [];
      for (const amount of [1e-7, 5e-324, 1.5e-10]) {
        const answer = await send(gateway.baseUrl, {
          method: 'POST',
          path: route,
          body: body(amount),
          headers: auth(user),
        });
        answers.push(`${amount}: ${answer.status} ${errorCode(answer) ?? ''} ${answer.text.includes(field)}`);
      }
      expect(answers).toEqual([
        '1e-7: 400 VALIDATION_FAILED true',
        '5e-324: 400 VALIDATION_FAILED true',
        '1.5e-10: 400 VALIDATION_FAILED true',
      ]);
    });

    it('answers 400 to 1001 scans before Fabric: no transaction tried, none of them on the ledger', async () => {
      const marker = ids.siteId('ST');
      const scannedAt = new Date(Date.now() - 60_000).toISOString();
      const scans = Array.from({ length: 1001 }, () => ({
        barcode: ids.barcode(),
        stationId: marker,
        scannedAt,
        weightGrams: 500,
        quality: 'CONFORMANT',
      }));
      const height = await chainHeight(observer);
      const attempts = await gatewayAttempts(gateway.baseUrl);
      const answer = await send(gateway.baseUrl, {
        method: 'POST',
        path: '/api/v1/waste/scans',
        body: { scans },
        headers: auth('station-operator'),
      });
      expect(answer.status).toBe(400);
      expect(errorCode(answer)).toBe('VALIDATION_FAILED');
      expect(answer.text).toContain('scans');
      expect(await gatewayAttempts(gateway.baseUrl)).toBe(attempts);
      // others may be writing to the shared channel: look for our station in whatever was added
      const added = await blocksSince(observer, height);
      expect(added.filter((block) => block.includes(Buffer.from(marker)))).toEqual([]);
    });

    const long = 'A'.repeat(10_000);
    // [name, user, field named in the answer, request]; the smoke key alone is checked by the chaincode
    const longIdentifiers: [string, string, string, (v: string) => RawRequest][] = [
      [
        'unitNumber (body)',
        'registry-clerk',
        'unitNumber',
        (v) => post('/api/v1/real-estate/registrations', { ...base(0), unitNumber: v }),
      ],
      [
        'certificateNumber',
        'registry-clerk',
        'certificateNumber',
        (v) => post('/api/v1/real-estate/registrations', { ...base(0), certificateNumber: v }),
      ],
      [
        'holder idNumber',
        'registry-clerk',
        'holders',
        (v) =>
          post('/api/v1/real-estate/registrations', {
            ...base(0),
            holders: [{ name: '张', idNumber: v, share: '1/1' }],
          }),
      ],
      [
        'receiptNumber',
        'tax-officer',
        'receiptNumber',
        (v) => post('/api/v1/real-estate/deed-tax-clearances', { ...base(1), receiptNumber: v }),
      ],
      ['uscc (body)', 'market-clerk', 'uscc', (v) => post('/api/v1/business/cases', { ...base(2), uscc: v })],
      ['siteId', 'urban-inspector', 'siteId', (v) => post('/api/v1/waste/sites', { ...base(6), siteId: v })],
      [
        'stationId of a collection',
        'hauler',
        'stationId',
        (v) => post('/api/v1/waste/collections', { ...base(9), stationId: v }),
      ],
      [
        'vehicleId',
        'facility-operator',
        'vehicleId',
        (v) => post('/api/v1/waste/deliveries', { ...base(10), vehicleId: v }),
      ],
      [
        'householdRef',
        'urban-inspector',
        'householdRef',
        (v) => post('/api/v1/waste/bag-batches', { ...base(7), householdRef: v }),
      ],
      ['smoke key', 'hauler', 'key', (v) => post('/api/v1/smoke/values', { key: v, value: 'x' })],
      [
        'caseId (path)',
        'market-clerk',
        'caseId',
        (v) => post(`/api/v1/business/cases/BO-${v}/steps/LICENSE`, { reference: 'R' }),
      ],
      [
        'uscc (path)',
        'market-clerk',
        'uscc',
        (v) => post(`/api/v1/business/licenses/${v}/status`, { status: 'REVOKED', reason: 'x' }),
      ],
      ['unitNumber (path)', 'registry-clerk', 'unitNumber', (v) => get(`/api/v1/real-estate/units/${v}`)],
      ['barcode (path)', 'hauler', 'barcode', (v) => get(`/api/v1/waste/bags/${v}/trace`)],
      [
        'stationId (path)',
        'hauler',
        'stationId',
        (v) => get(`/api/v1/waste/stations/${v}/stats?date=2026-11-24`),
      ],
      ['caseId (GET)', 'hauler', 'caseId', (v) => get(`/api/v1/business/cases/BO-${v}`)],
      ['txId (path)', 'hauler', 'txId', (v) => get(`/api/v1/ledger/transactions/${v}`)],
      ['smoke key (path)', 'hauler', 'key', (v) => get(`/api/v1/smoke/values/${v}`)],
    ];
    it.each(longIdentifiers)(
      'answers 400 naming the field to a 10 000-character %s (before Fabric but for smoke)',
      async (name, user, field, make) => {
        const attempts = await gatewayAttempts(gateway.baseUrl);
        const request = make(long);
        const answer = await send(gateway.baseUrl, { ...request, headers: auth(user) });
        expect({ status: answer.status, code: errorCode(answer) }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(answer.text).toContain(field);
        // the smoke contract's key is checked by the chaincode only (still a 400, via endorsement)
        if (name !== 'smoke key') expect(await gatewayAttempts(gateway.baseUrl)).toBe(attempts);
      },
    );
  });

  describe('afterwards', () => {
    it('still enforces roles and tokens (no prototype pollution reached the guard)', async () => {
      const station = await send(gateway.baseUrl, {
        method: 'POST',
        path: '/api/v1/waste/sites',
        body: base(6),
        headers: auth('station-operator'),
      });
      expect(station.status).toBe(403);
      const anonymous = await send(gateway.baseUrl, {
        method: 'POST',
        path: '/api/v1/waste/sites',
        body: base(6),
      });
      expect(anonymous.status).toBe(401);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('left the ledger and the index as they were, except for what it answered 201 to', async () => {
      const after = await snapshot(observer, gateway.baseUrl, dbPath, 30_000);
      // the gateway's own count: every transaction it committed was answered 201
      expect(after.writes - before.writes).toBe(accepted.txIds.size);
      // the channel: no transaction added since the start, other than those we were answered 201 for,
      // names any identifier our requests carried (others may be writing to the shared channel)
      const markers = [...ids.issued].map((value) => Buffer.from(value, 'utf8'));
      const leaked = (await transactionsSince(observer, before.height))
        .filter(({ txId }) => !accepted.txIds.has(txId))
        .filter(({ bytes }) => markers.some((marker) => bytes.includes(marker)))
        .map(({ txId }) => txId);
      expect(leaked).toEqual([]);
      // the index (caught up with the channel by snapshot): rows naming our identifiers are exactly
      // those the accepted writes explain
      const rows = indexRowsNaming(dbPath, INDEX_ROWS, ids.issued);
      expect(accepted.unexplainedRows(rows)).toEqual([]);
      console.log(
        `hostile input: ${accepted.txIds.size} generated write(s) were valid and committed ` +
          `(${accepted.domains.join(', ') || 'none'}); channel height ${before.height} → ${after.height}; ` +
          `index rows naming our identifiers: ${JSON.stringify(rows)}`,
      );
    }, 120_000);
  });

  function auth(user: string): Record<string, string> {
    return { authorization: `Bearer ${tokenOf(user)}` };
  }

  function base(index: number): Record<string, unknown> {
    const endpoint = WRITE_ENDPOINTS[index];
    if (!endpoint) throw new Error(`no write endpoint ${index}`);
    return endpoint.make().body;
  }
});

const post = (route: string, body: unknown): RawRequest => ({ method: 'POST', path: route, body });
const get = (route: string): RawRequest => ({ method: 'GET', path: route });

function describeRequest(request: RawRequest): string {
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return `${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers ?? {}).slice(0, 160)} ${String(body).slice(0, 160)}`;
}
