import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { deploy } from './deploy/deploy';
import { ensureAllBinaries, ensureBinaries } from './fabric/build-binaries';
import { fabricCaPin } from './fabric/pin';
import { OperatorError } from './lib/errors';
import { exec } from './lib/exec';
import { log, timed } from './lib/log';
import { paths } from './lib/paths';
import { networkDown, networkUp } from './network/lifecycle';
import { networkSupervisor } from './network/supervisor-instance';

interface Counts {
  passed: number;
  failed: number;
}

const resultsDir = path.join(paths.runtimeRoot, 'test-results');
const bin = (name: string): string => path.join(paths.repoRoot, 'node_modules', '.bin', name);

function run(program: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(program, [...args], { cwd: paths.repoRoot, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

/** Runs jest on some projects and reads back its counts (the JSON report, not the console). */
async function jest(
  stage: string,
  projects: readonly string[],
  extra: readonly string[] = [],
): Promise<Counts> {
  await mkdir(resultsDir, { recursive: true });
  const report = path.join(resultsDir, `${stage}.json`);
  const ci = process.env['CI'] === 'true' ? ['--ci'] : [];
  const code = await run(bin('jest'), [
    '--selectProjects',
    ...projects,
    ...ci,
    ...extra,
    '--json',
    '--outputFile',
    report,
  ]);
  if (!existsSync(report)) return { passed: 0, failed: Math.max(code, 1) };
  const json = JSON.parse(await readFile(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numRuntimeErrorTestSuites: number;
  };
  const failed =
    json.numFailedTests + json.numRuntimeErrorTestSuites + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed };
}

async function staticChecks(): Promise<number> {
  let failures = 0;
  log.step('typecheck');
  failures += (await run(bin('tsc'), ['-p', 'tsconfig.json'])) === 0 ? 0 : 1;
  failures += (await run('npm', ['run', 'typecheck', '--workspaces'])) === 0 ? 0 : 1;
  log.step('lint (eslint, prettier)');
  failures += (await run(bin('eslint'), ['.'])) === 0 ? 0 : 1;
  failures += (await run(bin('prettier'), ['--check', '.'])) === 0 ? 0 : 1;
  return failures;
}

async function allProcessesHealthy(): Promise<boolean> {
  const supervisor = networkSupervisor();
  const names = await supervisor.known();
  if (names.length === 0) return false;
  return (await Promise.all(names.map((n) => supervisor.state(n)))).every((s) => s.healthy);
}

/** One line of the closing summary: a stage, its counts and how long it took. */
interface StageResult extends Counts {
  readonly stage: string;
  readonly seconds: number;
  /** Why the stage could not run at all (it then counts as one failure). */
  readonly error?: string;
}

/**
 * Runs one stage, timing it. A stage that throws (a refused module, a network
 * that does not come up) is a failure with its reason, never a skip.
 */
async function stage(name: string, work: () => Promise<Counts>): Promise<StageResult> {
  const begin = Date.now();
  const seconds = (): number => (Date.now() - begin) / 1000;
  try {
    return { stage: name, ...(await work()), seconds: seconds() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.warn(`${name} stage could not run: ${reason}`);
    if (error instanceof OperatorError && error.hint) log.warn(error.hint);
    return { stage: name, passed: 0, failed: 1, seconds: seconds(), error: reason };
  }
}

/**
 * End-to-end and fault stages: builds the Fabric binaries, brings the network
 * up when it is not already running, deploys, runs the e2e suite (the browser
 * page included) and then the fault tests, and takes down what it brought up,
 * pass or fail.
 */
async function networkStages(): Promise<StageResult[]> {
  const results: StageResult[] = [];
  const setup = await stage('network setup', async () => {
    await timed('fabric build', ensureAllBinaries);
    return { passed: 0, failed: 0 };
  });
  if (setup.error) return [setup];
  const wasRunning = await allProcessesHealthy();
  // An interrupted run (Ctrl-C, CI cancelling) still stops what it started.
  const interrupted = (signal: NodeJS.Signals): void => {
    log.warn(`${signal}: stopping the network before exiting`);
    void (wasRunning ? Promise.resolve() : networkDown(false)).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const ready = await stage('network setup', async () => {
      await timed('network up', networkUp);
      // the e2e suites also use the smoke fixture contract, which production never deploys
      await timed('deploy', () => deploy({ entry: 'test-fixtures' }));
      // The e2e suites run the built gateway as a real process.
      await timed('gateway build', () =>
        exec('npm', ['run', 'build', '-w', 'gateway-api'], { cwd: paths.repoRoot }),
      );
      return { passed: 0, failed: 0 };
    });
    results.push({ ...ready, seconds: setup.seconds + ready.seconds });
    if (ready.error) return results;
    log.step('end-to-end tests (the gateway against the real network, the citizen page in Chromium)');
    // jest honours testTimeout only globally, not per project: the network suites get it here
    results.push(
      await stage('e2e', () =>
        jest('e2e', ['e2e', 'gateway-network'], ['--runInBand', '--testTimeout=180000']),
      ),
    );
    // Faults last and alone: they SIGKILL network processes (and restart them) under load.
    log.step('fault tests (SIGKILL of an orderer, a chaincode server, the gateway, a peer, under load)');
    results.push(await stage('faults', () => jest('faults', ['faults'], ['--runInBand'])));
    return results;
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    if (!wasRunning) await networkDown(false);
  }
}

/** The identity unit tests run a real fabric-ca-server, so Fabric CA is built before them. */
async function unitStage(): Promise<StageResult> {
  return stage('unit', async () => {
    await timed('fabric-ca build (for the identity unit tests)', () => ensureBinaries(fabricCaPin));
    log.step('unit tests');
    return jest('unit', ['chaincode', 'gateway-api', 'scripts']);
  });
}

function summaryLine(result: StageResult): string {
  const counts = result.error
    ? `could not run (${result.error})`
    : `${result.passed} passed, ${result.failed} failed`;
  return `${`${result.stage}:`.padEnd(15)} ${counts}  [${result.seconds.toFixed(0)} s]`;
}

/**
 * `npm test`: static checks, unit tests, then the end-to-end and fault stages
 * on a real network. Every stage counts; the last line totals all of them.
 */
export async function runAllTests(args: readonly string[]): Promise<number> {
  const results: StageResult[] = [];
  if (!args.includes('--no-static')) {
    results.push(
      await stage('static checks', async () => {
        const failed = await staticChecks();
        return { passed: 4 - failed, failed };
      }),
    );
  }
  results.push(await unitStage());
  results.push(...(await networkStages()));
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log('');
  for (const result of results) console.log(summaryLine(result));
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
