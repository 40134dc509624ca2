/**
 * `npm run bench`: throughput, latency and memory on the local network, bounded in count and time,
 * loopback only. Prints the measurements, then the throughput issue's targets each next to its
 * raw-Fabric reference (measured in the same run) and the ratio, and writes both as JSON under the
 * runtime folder (git-ignored):
 *
 * - committed scans/s through the HTTP API: 1000 per request from 4 stations at once, 100 per request,
 *   1 per request at 8 clients and at 64 in flight; the index's lag after the 1000-scan load, on SQLite
 *   and on PostgreSQL; the peer's endorsement time per scan of a 1000-scan transaction;
 * - real-estate FIRST registrations/s at 8 clients and at 64 in flight;
 * - verification requests/s with p50/p99, with the answer cache and without, and clerks'
 *   registrations/s during such a burst;
 * - resident memory of the gateway and of the waste chaincode servers under the scan load;
 * - the raw-Fabric references: a single write at 8 clients and at 64 in flight, a 1000-key write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { startPostgres } from '../../../gateway-api/test/support';
import { type GatewayProcess, indexCaughtUp, startGateway } from '../../../test/support/gateway-process';
import { deploy } from '../deploy/deploy';
import { ensureBinaries } from '../fabric/build-binaries';
import { fabricPin } from '../fabric/pin';
import { exec } from '../lib/exec';
import { log, timed } from '../lib/log';
import { paths } from '../lib/paths';
import { networkUp } from '../network/lifecycle';
import { secondsUntilCaughtUp } from './catch-up';
import { endorsementPerScan } from './endorsement';
import { type Accounted, type Measurement } from './measurement';
import { type CpuAccount, processGroups, renderCpuAccounts, withCpuAccount } from './cpu';
import { chaincodeServerPids, PeakMemory } from './memory';
import { measureRawFabric, RawFabric } from './raw-fabric';
import { measureRegistrations, registrationsName } from './registrations';
import { renderTable } from './report';
import {
  commissionBags,
  measureScans,
  registerStations,
  scanMeasurementName,
  ScanPlans,
  STATIONS,
} from './scans';
import { benchTargets, type BenchFigures, renderFigures } from './bench-targets';
import { renderTargets } from './targets';
import { measureVerification, verificationName } from './verification';

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

const POSTGRES_LABEL = ', PostgreSQL index';

export async function runBench(): Promise<number> {
  await timed('fabric build', () => ensureBinaries(fabricPin));
  await timed('network up', networkUp);
  // the raw-Fabric references write through the smoke fixture contract
  await timed('deploy', () => deploy({ entry: 'test-fixtures' }));
  await timed('gateway build', () =>
    exec('npm', ['run', 'build', '-w', 'gateway-api'], { cwd: paths.repoRoot }),
  );
  const dir = path.join(paths.runtimeRoot, 'bench-results');
  await mkdir(dir, { recursive: true });
  const results: Measurement[] = [];
  const figures: BenchFigures = {};
  const accounts: CpuAccount[] = [];
  // CPU time of each part of the system per operation, for the loads that saturate the machine
  const accounted =
    (gatewayPid?: number): Accounted =>
    async (work) => {
      const groups = processGroups({
        'bench client': process.pid,
        ...(gatewayPid ? { gateway: gatewayPid } : {}),
      });
      const { result, account } = await withCpuAccount(groups, work);
      accounts.push(account);
      return result;
    };

  log.step('measuring (every loop bounded in count and time; about 3 minutes in all)');
  const gateway = await benchGateway('bench', dir);
  let certificates: string[];
  let stations: string[];
  try {
    // a fresh index reads the channel from block 0: measured on its own, not under the scan load
    log.detail('index catching up from block 0 (SQLite)');
    figures.coldCatchUpSqliteSeconds = await secondsUntilCaughtUp(gateway.baseUrl, 600_000);
    stations = await registerStations(gateway.baseUrl, STATIONS);
    const memory = new PeakMemory({ gateway: [gateway.pid], chaincode: chaincodeServerPids('waste') });
    results.push(
      await accounted(gateway.pid)(() => measureScans(gateway.baseUrl, stations, ScanPlans.thousand)),
    );
    figures.lagSqliteSeconds = await secondsUntilCaughtUp(gateway.baseUrl, 120_000);
    log.detail(`SQLite index caught up ${figures.lagSqliteSeconds.toFixed(1)} s after the 1000-scan load`);
    const peaks = memory.stop();
    figures.gatewayMb = peaks['gateway'];
    figures.chaincodeMb = peaks['chaincode'];
    results.push(await measureScans(gateway.baseUrl, stations, ScanPlans.hundred));
    results.push(await measureScans(gateway.baseUrl, stations, ScanPlans.single));
    results.push(
      await accounted(gateway.pid)(() => measureScans(gateway.baseUrl, stations, ScanPlans.singleSaturated)),
    );
    figures.endorsementMsPerScan = await endorsementPerScan(
      stations[0] ?? '',
      await commissionBags(gateway.baseUrl, 1000),
    );
    const registrations = await measureRegistrations(gateway.baseUrl);
    results.push(registrations.measurement);
    results.push(
      await accounted(gateway.pid)(
        async () => (await measureRegistrations(gateway.baseUrl, { concurrency: 64 })).measurement,
      ),
    );
    certificates = registrations.certificates.slice(0, 50);
    // the index is still projecting the load above; measured meanwhile, the figure would be the
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
    await timed('index of the uncached gateway catching up', () => indexCaughtUp(uncached.baseUrl, 600_000));
    results.push(await measureVerification(uncached.baseUrl, certificates, 'every request reads the ledger'));
    // Clerks' writes while citizens hammer the public route: the bulkhead keeps their share of the peers.
    const [burst, during] = await Promise.all([
      measureVerification(uncached.baseUrl, certificates, 'burst while clerks register'),
      measureRegistrations(uncached.baseUrl, { label: ' during that burst' }),
    ]);
    results.push(burst, during.measurement);
  } finally {
    await uncached.kill('SIGTERM');
  }

  const postgres = (await timed('PostgreSQL start', startPostgres)).result;
  try {
    const onPostgres = await benchGateway('bench-postgres', dir, {
      DATABASE_TYPE: 'postgres',
      DATABASE_URL: postgres.url,
    });
    try {
      log.detail('index catching up from block 0 (PostgreSQL)');
      figures.coldCatchUpPostgresSeconds = await secondsUntilCaughtUp(onPostgres.baseUrl, 600_000);
      results.push(await measureScans(onPostgres.baseUrl, stations, ScanPlans.thousand, POSTGRES_LABEL));
      figures.lagPostgresSeconds = await secondsUntilCaughtUp(onPostgres.baseUrl, 120_000);
      log.detail(
        `PostgreSQL index caught up ${figures.lagPostgresSeconds.toFixed(1)} s after the 1000-scan load`,
      );
    } finally {
      await onPostgres.kill('SIGTERM');
    }
  } finally {
    await postgres.stop();
  }

  results.push(...(await measureRawFabric(accounted())));

  const targets = benchTargets(results, figures, {
    scans1000: scanMeasurementName(ScanPlans.thousand),
    scans1000Postgres: scanMeasurementName(ScanPlans.thousand) + POSTGRES_LABEL,
    scan1: scanMeasurementName(ScanPlans.single),
    scan1Saturated: scanMeasurementName(ScanPlans.singleSaturated),
    first: registrationsName(8),
    firstSaturated: registrationsName(64),
    firstDuringBurst: registrationsName(8, ' during that burst'),
    verifyCached: verificationName('answers cached 2 s'),
    verifyUncached: verificationName('every request reads the ledger'),
    verifyBurst: verificationName('burst while clerks register'),
    raw: RawFabric,
  });
  console.log(
    [renderTable(results), renderFigures(figures), renderCpuAccounts(accounts), renderTargets(targets)].join(
      '\n\n',
    ),
  );
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), results, figures, cpu: accounts, targets }, null, 2)}\n`,
  );
  log.step(`results written to ${file}`);
  return 0;
}
