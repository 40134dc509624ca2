import { randomInt } from 'node:crypto';

import { apiTokens, call } from '../../../test/support/gateway-process';
import { bounded, type Measurement } from './measurement';

/** Committed scans/s through POST /api/v1/waste/scans at each batch size (issue: 1, 100, 1000). */
const PLANS = [
  { batchSize: 1000, requests: 3, concurrency: 1, seconds: 120 },
  { batchSize: 100, requests: 20, concurrency: 4, seconds: 60 },
  { batchSize: 1, requests: 200, concurrency: 8, seconds: 60 },
] as const;

async function commissionBags(baseUrl: string, token: string, count: number): Promise<string[]> {
  const barcodes: string[] = [];
  for (let offset = 0; offset < count; offset += 1000) {
    const batch = await call(baseUrl, 'POST', '/api/v1/waste/bag-batches', {
      token,
      body: {
        districtCode: '440103',
        category: '01',
        firstSerial: randomInt(1, 900_000_000),
        count: Math.min(1000, count - offset),
        householdRef: `bench household ${offset}`,
      },
    });
    if (batch.status !== 201) throw new Error(`commissioning failed: ${JSON.stringify(batch.body)}`);
    barcodes.push(...(batch.body['barcodes'] as string[]));
  }
  return barcodes;
}

export async function measureScans(baseUrl: string): Promise<Measurement[]> {
  const tokens = apiTokens();
  const inspector = tokens['urban-inspector'] ?? '';
  const operator = tokens['station-operator'] ?? '';
  const stationId = `BENCH-${randomInt(100_000, 999_999)}`;
  const site = await call(baseUrl, 'POST', '/api/v1/waste/sites', {
    token: inspector,
    body: { siteId: stationId, kind: 'STATION', districtCode: '440103', name: 'bench station' },
  });
  if (site.status !== 201) throw new Error(`site registration failed: ${JSON.stringify(site.body)}`);
  const scan = (barcode: string) => ({
    barcode,
    stationId,
    scannedAt: new Date().toISOString(),
    weightGrams: 900,
    quality: 'CONFORMANT',
  });
  const results: Measurement[] = [];
  for (const plan of PLANS) {
    const bags = await commissionBags(baseUrl, inspector, plan.batchSize * plan.requests);
    const clients = plan.concurrency === 1 ? '' : ` (${plan.concurrency} clients)`;
    results.push(
      await bounded(
        `HTTP scans, ${plan.batchSize} per request${clients}`,
        { count: plan.requests, seconds: plan.seconds, concurrency: plan.concurrency },
        async (i) => {
          const answer = await call(baseUrl, 'POST', '/api/v1/waste/scans', {
            token: operator,
            body: { scans: bags.slice(i * plan.batchSize, (i + 1) * plan.batchSize).map(scan) },
          });
          return answer.status === 201 ? Number(answer.body['accepted']) : 0;
        },
      ),
    );
  }
  return results;
}
