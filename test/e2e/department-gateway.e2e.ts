import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { paths } from '../../scripts/src';
import {
  apiTokens,
  call,
  type GatewayProcess,
  indexCaughtUp,
  startGateway,
} from '../support/gateway-process';
import { titleNumber, unitNumber } from '../support/identifiers';

// One gateway per department (issue 14): a gateway started with GATEWAY_DEPARTMENTS=UrbanMSP loads
// only the urban-management users, serves the waste routes and the public ones, and answers 404 for
// the registry's routes whatever the token (the routing runs before authentication, so the caller
// learns which gateway to ask rather than that its token is unknown here).
// It runs from what `users export --departments UrbanMSP` gives the urban-management host, as a
// GOVTRACE_HOME of its own: no other department's key is within its reach, not only filtered out.

describe('a gateway serving only UrbanMSP', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir = '';

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-department-gateway-'));
    await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/src/cli.ts', 'users', 'export', '--departments', 'UrbanMSP', '--out', hostHome()],
      { cwd: paths.repoRoot, timeout: 120_000 },
    );
    const settings = readFileSync(path.join(hostHome(), 'gateway.env'), 'utf8');
    gateway = await startGateway('department-gateway', {
      GOVTRACE_HOME: hostHome(),
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      GATEWAY_DEPARTMENTS: /^GATEWAY_DEPARTMENTS=(.*)$/m.exec(settings)?.[1] ?? '',
    });
  });

  const hostHome = (): string => path.join(dbDir, 'urban-host');

  it('holds only urban-management keys and no holder-lookup key on its host', () => {
    const users = readdirSync(path.join(hostHome(), 'identities'));
    expect(users).toEqual(expect.arrayContaining(['urban-inspector', 'station-operator']));
    expect(users).not.toContain('registry-clerk');
    expect(users).not.toContain('tax-officer');
    expect(existsSync(path.join(hostHome(), 'gateway', 'holder-lookup.key'))).toBe(false);
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  it('names UrbanMSP in /health/ready', async () => {
    const ready = await call(gateway.baseUrl, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body['departments']).toEqual(['UrbanMSP']);
  });

  it('accepts a waste scan by the station operator and verifies the bag publicly', async () => {
    const stationId = `DEPT-${randomInt(1000, 9999)}`;
    const inspector = tokens['urban-inspector'] ?? '';
    const site = await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
      token: inspector,
      body: { siteId: stationId, kind: 'STATION', districtCode: '440103', name: '部门网关测试站' },
    });
    expect(site.status).toBe(201);
    const commissioned = await call(gateway.baseUrl, 'POST', '/api/v1/waste/bag-batches', {
      token: inspector,
      body: {
        districtCode: '440103',
        category: '01',
        firstSerial: randomInt(1, 900_000_000),
        count: 1,
        householdRef: '部门网关测试户',
      },
    });
    expect(commissioned.status).toBe(201);
    const barcode = (commissioned.body['barcodes'] as string[])[0] ?? '';

    const scanned = await call(gateway.baseUrl, 'POST', '/api/v1/waste/scans', {
      token: tokens['station-operator'] ?? '',
      body: {
        scans: [
          {
            barcode,
            stationId,
            scannedAt: new Date().toISOString(),
            weightGrams: 800,
            quality: 'CONFORMANT',
          },
        ],
      },
    });
    expect(scanned.status).toBe(201);
    expect(scanned.body['accepted']).toBe(1);

    await indexCaughtUp(gateway.baseUrl, 30_000);
    const verified = await call(gateway.baseUrl, 'GET', `/api/v1/verify/bags/${barcode}`);
    expect(verified.status).toBe(200);
  });

  it('answers 404 naming the registry gateway for a real-estate write, even with the registry clerk token', async () => {
    const refused = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
      token: tokens['registry-clerk'] ?? '',
      body: {
        type: 'FIRST',
        unitNumber: unitNumber(),
        certificateNumber: titleNumber(),
        holders: [{ name: '张三', idNumber: '11010519491231002X', share: '1/1' }],
      },
    });
    expect(refused.status).toBe(404);
    expect(refused.body['error']).toMatchObject({
      code: 'NOT_FOUND',
      message: 'this gateway serves UrbanMSP; real-estate routes are served by the RegistryMSP gateway',
    });
  });

  it('does not know the registry clerk token on its own (routes it serves answer 401)', async () => {
    const refused = await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
      token: tokens['registry-clerk'] ?? '',
      body: {
        siteId: `DEPT-${randomInt(1000, 9999)}`,
        kind: 'STATION',
        districtCode: '440103',
        name: '不应存在',
      },
    });
    expect(refused.status).toBe(401);
    expect((refused.body['error'] as Record<string, unknown>)['code']).toBe('UNAUTHENTICATED');
  });
});
