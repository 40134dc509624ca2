import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { batchesOf, parseScanCsv, uploadBatches } from '../../scripts/src';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';

// The station scanner sends an offline station's backlog (original scan times)
// in batches with content-derived Idempotency-Keys: a re-run of the same file
// — as after a crash or a 503 — gets the first answers back and counts nothing twice.
describe('station scanner against the real gateway', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir: string;

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-scanner-'));
    gateway = await startGateway('scanner', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'i.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    rmSync(dbDir, { recursive: true, force: true });
  });

  it('uploads a CSV backlog in batches, reports the bad row, and never double-counts a re-run', async () => {
    const stationId = `SCAN-${randomInt(1000, 9999)}`;
    const inspector = tokens['urban-inspector'] ?? '';
    expect(
      (
        await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
          token: inspector,
          body: { siteId: stationId, kind: 'STATION', districtCode: '440103', name: '扫描器测试站' },
        })
      ).status,
    ).toBe(201);
    const commissioned = await call(gateway.baseUrl, 'POST', '/api/v1/waste/bag-batches', {
      token: inspector,
      body: {
        districtCode: '440103',
        category: '02',
        firstSerial: randomInt(1, 900_000_000),
        count: 45,
        householdRef: '扫描器测试户',
      },
    });
    const barcodes = commissioned.body['barcodes'] as string[];
    // Yesterday's backlog, sent today: the original scan times are kept.
    const csv = [
      'barcode,stationId,scannedAt,weightGrams,quality',
      ...barcodes.map(
        (barcode, i) => `${barcode},${stationId},2026-11-23T0${i % 9}:15:00+08:00,${500 + i},CONFORMANT`,
      ),
      `440103020000000000,${stationId},2026-11-23T10:00:00+08:00,500,CONFORMANT`,
    ].join('\n');
    const batches = batchesOf(parseScanCsv(csv), 20);
    const options = { baseUrl: gateway.baseUrl, token: tokens['station-operator'] ?? '' };

    const first = await uploadBatches(options, batches);
    expect(first).toMatchObject({ batches: 3, accepted: 45, duplicates: 0 });
    expect(first.rejected).toHaveLength(1);
    expect(first.rejected[0]).toMatchObject({ index: 45, code: 'BAD_CHECK_DIGIT' });

    const again = await uploadBatches(options, batches);
    expect(again).toEqual(first);
    const trace = await call(gateway.baseUrl, 'GET', `/api/v1/waste/bags/${barcodes[0] ?? ''}/trace`, {
      token: tokens['station-operator'] ?? '',
    });
    expect(trace.status).toBe(200);
    const events = trace.body['events'] as { step: string }[];
    expect(events.filter((event) => event.step === 'COLLECTED')).toHaveLength(1);
  }, 180_000);
});
