import { randomInt } from 'node:crypto';

import { apiTokens, call } from '../../../test/support/gateway-process';
import { bounded, type Measurement } from './measurement';

/** Stations sending at once, each its own registered site (the 4 stations). */
export const STATIONS = 4;

/** Committed scans/s through POST /api/v1/waste/scans: batch sizes 1000, 100 and 1, and saturation. */
export const ScanPlans = {
  thousand: { batchSize: 1000, requests: 40, concurrency: STATIONS, seconds: 180 },
  hundred: { batchSize: 100, requests: 100, concurrency: STATIONS, seconds: 60 },
  single: { batchSize: 1, requests: 200, concurrency: 8, seconds: 60 },
  singleSaturated: { batchSize: 1, requests: 640, concurrency: 64, seconds: 60 },
} as const;

export type ScanPlan = (typeof ScanPlans)[keyof typeof ScanPlans];

export function scanMeasurementName(plan: ScanPlan): string {
  const senders = plan.batchSize === 1 ? `${plan.concurrency} clients` : `${plan.concurrency} stations`;
  return `HTTP scans, ${plan.batchSize} per request (${senders})`;
}

/** Bags commissioned through the API, 1000 per request; their barcodes in serial order. */
export async function commissionBags(baseUrl: string, count: number): Promise<string[]> {
  const inspector = apiTokens()['urban-inspector'] ?? '';
  const barcodes: string[] = [];
  for (let offset = 0; offset < count; offset += 1000) {
    const batch = await call(baseUrl, 'POST', '/api/v1/waste/bag-batches', {
      token: inspector,
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

/** Registers `count` fresh stations of district 440103; their site ids. */
export async function registerStations(baseUrl: string, count: number): Promise<string[]> {
  const inspector = apiTokens()['urban-inspector'] ?? '';
  const stations: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const siteId = `BENCH-${randomInt(100_000, 999_999)}`;
    const site = await call(baseUrl, 'POST', '/api/v1/waste/sites', {
      token: inspector,
      body: { siteId, kind: 'STATION', districtCode: '440103', name: `bench station ${i + 1}` },
    });
    if (site.status !== 201) throw new Error(`site registration failed: ${JSON.stringify(site.body)}`);
    stations.push(siteId);
  }
  return stations;
}

/** One scan as a station's scanner sends it. */
export function stationScan(barcode: string, stationId: string): Record<string, unknown> {
  return { barcode, stationId, scannedAt: new Date().toISOString(), weightGrams: 900, quality: 'CONFORMANT' };
}

/** Sends `plan.requests` batches of fresh bags, request i from station i mod STATIONS. */
export async function measureScans(
  baseUrl: string,
  stations: readonly string[],
  plan: ScanPlan,
  label = '',
): Promise<Measurement> {
  const operator = apiTokens()['station-operator'] ?? '';
  const bags = await commissionBags(baseUrl, plan.batchSize * plan.requests);
  return bounded(
    scanMeasurementName(plan) + label,
    { count: plan.requests, seconds: plan.seconds, concurrency: plan.concurrency },
    async (i) => {
      const stationId = stations[i % stations.length] ?? '';
      const answer = await call(baseUrl, 'POST', '/api/v1/waste/scans', {
        token: operator,
        body: {
          scans: bags
            .slice(i * plan.batchSize, (i + 1) * plan.batchSize)
            .map((barcode) => stationScan(barcode, stationId)),
        },
      });
      return answer.status === 201 ? Number(answer.body['accepted']) : 0;
    },
  );
}
