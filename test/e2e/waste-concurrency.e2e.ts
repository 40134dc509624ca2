import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';

// No hot keys: two stations each send a 1000-scan batch at the same time
// through the HTTP API. Both commit in full, and the gateway never had to
// retry a transaction after an MVCC read conflict (its retry counter in
// /metrics does not move).

const BATCH = 1000;

describe('two stations scanning at once', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir: string;

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-waste-'));
    gateway = await startGateway('waste-concurrency', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    rmSync(dbDir, { recursive: true, force: true });
  });

  const as = (user: string) => ({ token: tokens[user] ?? '' });

  async function retries(): Promise<number> {
    const response = await fetch(`${gateway.baseUrl}/metrics`);
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('govtrace_fabric_commit_retries_total'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop() ?? 0), 0);
  }

  it('commits both 1000-scan batches without a read conflict', async () => {
    const run = String(randomInt(100, 999));
    const stations = [`CC-${run}-A`, `CC-${run}-B`];
    for (const siteId of stations) {
      const site = await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
        ...as('urban-inspector'),
        body: { siteId, kind: 'STATION', districtCode: '440103', name: `并发测试站 ${siteId}` },
      });
      expect(site.status).toBe(201);
    }
    const barcodes: string[][] = [];
    for (let i = 0; i < stations.length; i += 1) {
      const batch = await call(gateway.baseUrl, 'POST', '/api/v1/waste/bag-batches', {
        ...as('urban-inspector'),
        body: {
          districtCode: '440103',
          category: '04',
          firstSerial: randomInt(1, 900_000_000),
          count: BATCH,
          householdRef: `并发测试户 ${run}-${i}`,
        },
      });
      expect(batch.status).toBe(201);
      barcodes.push(batch.body['barcodes'] as string[]);
    }

    const retriesBefore = await retries();
    const scannedAt = new Date().toISOString();
    const answers = await Promise.all(
      stations.map((stationId, i) =>
        call(gateway.baseUrl, 'POST', '/api/v1/waste/scans', {
          ...as('station-operator'),
          body: {
            scans: (barcodes[i] ?? []).map((barcode) => ({
              barcode,
              stationId,
              scannedAt,
              weightGrams: 800,
              quality: 'CONFORMANT',
            })),
          },
        }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ accepted: BATCH, duplicates: [], rejected: [] });
    }
    expect(await retries()).toBe(retriesBefore);
  }, 300_000);
});
