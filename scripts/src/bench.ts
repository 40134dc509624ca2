/**
 * `npm run bench`: throughput of the local network, bounded in count and time,
 * loopback only. Prints a table and writes JSON under the runtime folder.
 *
 * - committed scans/s through the HTTP API with 1000-scan batches, and with one
 *   scan per request (8 concurrent clients);
 * - for reference, the raw Fabric rate of a minimal write (smoke Put) submitted
 *   straight through fabric-gateway, so the gateway's overhead is a ratio.
 */
import { randomInt } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { connectAs, findOrg } from '../../test/support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../../test/support/gateway-process';
import { deploy } from './deploy/deploy';
import { ensureBinaries } from './fabric/build-binaries';
import { fabricPin } from './fabric/pin';
import { exec } from './lib/exec';
import { log, timed } from './lib/log';
import { paths } from './lib/paths';
import { networkUp } from './network/lifecycle';
import { loadTopology } from './network/topology';

interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** Runs `work(i)` with `concurrency` workers until `count` operations or `seconds` have passed. */
async function bounded(
  name: string,
  count: number,
  seconds: number,
  concurrency: number,
  work: (i: number) => Promise<number>,
): Promise<Measurement> {
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < count && Date.now() < deadline) {
      const i = next;
      next += 1;
      // Await first, then add: `done += await …` would read `done` before the await and lose
      // the other workers' increments.
      const completed = await work(i);
      done += completed;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  const result = { name, operations: done, seconds: elapsed, perSecond: done / elapsed };
  log.detail(`${name}: ${done} in ${elapsed.toFixed(1)} s = ${result.perSecond.toFixed(1)}/s`);
  return result;
}

async function commissionBags(gateway: GatewayProcess, token: string, count: number): Promise<string[]> {
  const barcodes: string[] = [];
  for (let offset = 0; offset < count; offset += 1000) {
    const batch = await call(gateway.baseUrl, 'POST', '/api/v1/waste/bag-batches', {
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

async function measureScans(gateway: GatewayProcess): Promise<Measurement[]> {
  const tokens = apiTokens();
  const inspector = tokens['urban-inspector'] ?? '';
  const operator = tokens['station-operator'] ?? '';
  const stationId = `BENCH-${randomInt(1000, 9999)}`;
  await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
    token: inspector,
    body: { siteId: stationId, kind: 'STATION', districtCode: '440103', name: 'bench station' },
  });
  const batchBags = await commissionBags(gateway, inspector, 3000);
  const singleBags = await commissionBags(gateway, inspector, 200);
  const scan = (barcode: string) => ({
    barcode,
    stationId,
    scannedAt: new Date().toISOString(),
    weightGrams: 900,
    quality: 'CONFORMANT',
  });
  const batches = await bounded('HTTP scans, 1000 per request', 3, 120, 1, async (i) => {
    const answer = await call(gateway.baseUrl, 'POST', '/api/v1/waste/scans', {
      token: operator,
      body: { scans: batchBags.slice(i * 1000, (i + 1) * 1000).map(scan) },
    });
    return answer.status === 201 ? Number(answer.body['accepted']) : 0;
  });
  const singles = await bounded(
    'HTTP scans, 1 per request (8 clients)',
    singleBags.length,
    60,
    8,
    async (i) => {
      const barcode = singleBags[i];
      if (!barcode) return 0;
      const answer = await call(gateway.baseUrl, 'POST', '/api/v1/waste/scans', {
        token: operator,
        body: { scans: [scan(barcode)] },
      });
      return answer.status === 201 ? Number(answer.body['accepted']) : 0;
    },
  );
  return [batches, singles];
}

async function measureRawFabric(): Promise<Measurement> {
  const topology = await loadTopology();
  const connection = connectAs(findOrg(topology, 'RegistryMSP'));
  try {
    const contract = connection.gateway
      .getNetwork(topology.channel)
      .getContract(topology.chaincodeName, 'smoke');
    const prefix = `bench-${Date.now()}`;
    return await bounded('raw Fabric smoke Put (8 clients)', 200, 60, 8, async (i) => {
      const commit = await contract.submitAsync('Put', { arguments: [`${prefix}-${i}`, 'x'] });
      return (await commit.getStatus()).successful ? 1 : 0;
    });
  } finally {
    connection.close();
  }
}

export async function runBench(): Promise<number> {
  await timed('fabric build', () => ensureBinaries(fabricPin));
  await timed('network up', networkUp);
  await timed('deploy', deploy);
  await timed('gateway build', () =>
    exec('npm', ['run', 'build', '-w', 'gateway-api'], { cwd: paths.repoRoot }),
  );
  const dbDir = path.join(paths.runtimeRoot, 'bench-results');
  await mkdir(dbDir, { recursive: true });
  const gateway = await startGateway('bench', {
    DATABASE_TYPE: 'sqlite',
    DATABASE_PATH: path.join(dbDir, `index-${Date.now()}.sqlite`),
  });
  const results: Measurement[] = [];
  try {
    log.step('measuring (bounded: at most 3 batches, 200 single scans, 200 raw writes, 4 minutes)');
    results.push(...(await measureScans(gateway)));
    results.push(await measureRawFabric());
  } finally {
    await gateway.kill('SIGTERM');
  }
  console.log('\n| measurement | operations | seconds | per second |\n| --- | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.operations} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} |`);
  }
  const file = path.join(dbDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
  log.step(`results written to ${file}`);
  return 0;
}
