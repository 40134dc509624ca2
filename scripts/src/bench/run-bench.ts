/**
 * `npm run bench`: throughput and latency on the local network, bounded in count and time,
 * loopback only. Prints a table and writes JSON under the runtime folder (git-ignored):
 *
 * - committed scans/s through the HTTP API at batch sizes 1000, 100 and 1;
 * - real-estate FIRST registrations/s through the HTTP API;
 * - verification requests/s with p50/p99 latency, with the answer cache and without, and clerks'
 *   registrations/s during such a burst;
 * - for reference, the raw Fabric rate of a minimal write straight through fabric-gateway, so the
 *   gateway's overhead is a ratio.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { type GatewayProcess, indexCaughtUp, startGateway } from '../../../test/support/gateway-process';
import { deploy } from '../deploy/deploy';
import { ensureBinaries } from '../fabric/build-binaries';
import { fabricPin } from '../fabric/pin';
import { exec } from '../lib/exec';
import { log, timed } from '../lib/log';
import { paths } from '../lib/paths';
import { networkUp } from '../network/lifecycle';
import { type Measurement } from './measurement';
import { measureRawFabric, RAW_FABRIC } from './raw-fabric';
import { measureRegistrations } from './registrations';
import { overheadRatios, renderTable } from './report';
import { measureScans } from './scans';
import { measureVerification } from './verification';

/** A gateway of its own per run: a fresh index, and no rate limit in the way of the load. */
async function benchGateway(name: string, dir: string, env: NodeJS.ProcessEnv = {}): Promise<GatewayProcess> {
  return startGateway(name, {
    DATABASE_TYPE: 'sqlite',
    DATABASE_PATH: path.join(dir, `index-${name}-${Date.now()}.sqlite`),
    VERIFY_RATE_LIMIT: '1000000',
    VERIFY_MAX_QUEUED_READS: '10000',
    ...env,
  });
}

export async function runBench(): Promise<number> {
  await timed('fabric build', () => ensureBinaries(fabricPin));
  await timed('network up', networkUp);
  // the raw-Fabric reference writes through the smoke fixture contract
  await timed('deploy', () => deploy({ entry: 'test-fixtures' }));
  await timed('gateway build', () =>
    exec('npm', ['run', 'build', '-w', 'gateway-api'], { cwd: paths.repoRoot }),
  );
  const dir = path.join(paths.runtimeRoot, 'bench-results');
  await mkdir(dir, { recursive: true });
  const results: Measurement[] = [];

  log.step('measuring (every loop bounded in count and time; about 6 minutes in all)');
  const gateway = await benchGateway('bench', dir);
  let certificates: string[];
  try {
    results.push(...(await measureScans(gateway.baseUrl)));
    const registrations = await measureRegistrations(gateway.baseUrl);
    results.push(registrations.measurement);
    certificates = registrations.certificates.slice(0, 50);
    // the index is still projecting the scans above; measured meanwhile, the figure would be the
    // projection's share of the CPU as much as the route's
    await timed('index catching up before the verification load', () =>
      indexCaughtUp(gateway.baseUrl, 120_000),
    );
    results.push(await measureVerification(gateway.baseUrl, certificates, 'answers cached 2 s'));
  } finally {
    await gateway.kill('SIGTERM');
  }
  const uncached = await benchGateway('bench-uncached', dir, { VERIFY_CACHE_TTL_MS: '0' });
  try {
    // a fresh index reads the channel from block 0: let it finish before the load
    await timed('index of the uncached gateway catching up', () => indexCaughtUp(uncached.baseUrl, 300_000));
    results.push(await measureVerification(uncached.baseUrl, certificates, 'every request reads the ledger'));
    // Clerks' writes while citizens hammer the public route: the bulkhead keeps their share of the peers.
    const [burst, during] = await Promise.all([
      measureVerification(uncached.baseUrl, certificates, 'burst while clerks register'),
      measureRegistrations(uncached.baseUrl, ' during that burst'),
    ]);
    results.push(burst, during.measurement);
  } finally {
    await uncached.kill('SIGTERM');
  }
  results.push(await measureRawFabric());

  console.log(`\n${renderTable(results)}\n`);
  const ratios = overheadRatios(results, RAW_FABRIC);
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), results, rawFabricRateOverEach: ratios }, null, 2)}\n`,
  );
  log.step(`results written to ${file}`);
  return 0;
}
