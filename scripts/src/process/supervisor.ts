import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OperatorError } from '../lib/errors';
import { describeHealthCheck, type HealthCheck, probe } from './health';
import { isPortFree } from './port-check';

export interface ProcessSpec {
  /** Unique name: the pid file and log file are named after it. */
  readonly name: string;
  readonly program: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Sockets the process will listen on; each must be free before it starts. */
  readonly listens: readonly { readonly label: string; readonly host: string; readonly port: number }[];
  readonly health: HealthCheck;
  /** How long to wait for the health check after spawning. */
  readonly startTimeoutMs?: number;
}

interface PidRecord {
  readonly pid: number;
  readonly program: string;
  readonly args: readonly string[];
  readonly startedAt: string;
  readonly health: HealthCheck;
}

export interface ProcessState {
  readonly name: string;
  readonly pid?: number;
  readonly running: boolean;
  readonly healthy: boolean;
  readonly logFile: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid may have been reused by an unrelated program since we wrote it
 * (after a reboot, say): only treat it as ours when its command line still
 * names the program we started.
 */
function isOurs(record: PidRecord): boolean {
  if (!isAlive(record.pid)) return false;
  try {
    const argv = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
    const expected = [record.program, ...record.args];
    return argv.length === expected.length && argv.every((arg, i) => arg === expected[i]);
  } catch {
    return true; // no /proc (not Linux): liveness is the best we can tell
  }
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts background processes detached from the terminal, one log file and one
 * pid file each, and stops exactly the ones it started. The pid folder is the
 * single source of truth for "what is ours".
 */
export class Supervisor {
  constructor(
    private readonly pidDir: string,
    readonly logDir: string,
  ) {}

  logFile(name: string): string {
    return path.join(this.logDir, `${name}.log`);
  }

  private pidFile(name: string): string {
    return path.join(this.pidDir, `${name}.pid.json`);
  }

  private async record(name: string): Promise<PidRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.pidFile(name), 'utf8')) as PidRecord;
    } catch {
      return undefined;
    }
  }

  async state(name: string): Promise<ProcessState> {
    const record = await this.record(name);
    const running = record !== undefined && isOurs(record);
    const healthy = running && (await probe(record.health));
    return { name, pid: record?.pid, running, healthy, logFile: this.logFile(name) };
  }

  /** Names of every process with a pid file, in start order. */
  async known(): Promise<string[]> {
    if (!existsSync(this.pidDir)) return [];
    const files = (await readdir(this.pidDir)).filter((f) => f.endsWith('.pid.json'));
    const records = await Promise.all(
      files.map(async (f) => ({
        name: f.replace(/\.pid\.json$/, ''),
        record: await this.record(f.replace(/\.pid\.json$/, '')),
      })),
    );
    return records
      .filter((r) => r.record)
      .sort((a, b) => (a.record?.startedAt ?? '').localeCompare(b.record?.startedAt ?? ''))
      .map((r) => r.name);
  }

  /**
   * Starts the process unless it is already running and healthy. Returns true
   * when this call started it. Throws an OperatorError naming the cause and the
   * log file if a port is taken, the program is missing, or it does not become
   * healthy; in that case nothing of it is left running.
   */
  async ensureStarted(spec: ProcessSpec): Promise<boolean> {
    const current = await this.state(spec.name);
    if (current.running && current.healthy) return false;
    if (current.running) await this.stop(spec.name);
    await this.assertStartable(spec);
    await mkdir(this.pidDir, { recursive: true });
    await mkdir(this.logDir, { recursive: true });
    const logFile = this.logFile(spec.name);
    const fd = openSync(logFile, 'a');
    const child = spawn(spec.program, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const pid = child.pid;
    if (pid === undefined) throw new OperatorError(`${spec.name}: could not start ${spec.program}`);
    let exitCode: number | null | undefined;
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
    });
    child.unref();
    const record: PidRecord = {
      pid,
      program: spec.program,
      args: spec.args,
      startedAt: new Date().toISOString(),
      health: spec.health,
    };
    await writeFile(this.pidFile(spec.name), `${JSON.stringify(record, null, 2)}\n`);
    await this.waitHealthy(spec, () => exitCode);
    return true;
  }

  private async assertStartable(spec: ProcessSpec): Promise<void> {
    if (!existsSync(spec.program)) {
      throw new OperatorError(
        `${spec.name}: program ${spec.program} does not exist`,
        'Run `npm run fabric:build` first.',
      );
    }
    for (const socket of spec.listens) {
      if (!(await isPortFree(socket.host, socket.port))) {
        throw new OperatorError(
          `${spec.name}: port ${socket.port} on ${socket.host} (${socket.label}) is already in use by another program`,
          `Stop that program, or change the port in network/topology.yaml. (\`ss -ltnp 'sport = :${socket.port}'\` shows who holds it.)`,
        );
      }
    }
  }

  private async waitHealthy(spec: ProcessSpec, exited: () => number | null | undefined): Promise<void> {
    const deadline = Date.now() + (spec.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (exited() !== undefined) {
        await rm(this.pidFile(spec.name), { force: true });
        throw new OperatorError(
          `${spec.name} exited during start-up (exit ${String(exited())}). Last lines of ${this.logFile(spec.name)}:\n${tail(this.logFile(spec.name), 20)}`,
          `Read ${this.logFile(spec.name)}`,
        );
      }
      if (await probe(spec.health)) return;
      await sleep(250);
    }
    await this.stop(spec.name);
    throw new OperatorError(
      `${spec.name} did not become healthy (${describeHealthCheck(spec.health)}) within ${(spec.startTimeoutMs ?? 60_000) / 1000} s. Last lines of its log:\n${tail(this.logFile(spec.name), 20)}`,
      `Read ${this.logFile(spec.name)}`,
    );
  }

  /** Stops one process: SIGTERM to its process group, SIGKILL after the grace period. */
  async stop(name: string, graceMs = 10_000): Promise<boolean> {
    const record = await this.record(name);
    if (!record) return false;
    let stopped = false;
    if (isOurs(record)) {
      signalGroup(record.pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (isAlive(record.pid) && Date.now() < deadline) await sleep(100);
      if (isAlive(record.pid)) signalGroup(record.pid, 'SIGKILL');
      const killDeadline = Date.now() + 5_000;
      while (isAlive(record.pid) && Date.now() < killDeadline) await sleep(50);
      stopped = true;
    }
    await rm(this.pidFile(name), { force: true });
    return stopped;
  }

  /**
   * Stops every known process. They are signalled together: each Fabric node
   * takes a couple of seconds to shut down cleanly, and none of them needs
   * another to be up while it does.
   */
  async stopAll(): Promise<string[]> {
    const names = await this.known();
    const results = await Promise.all(
      names.map(async (name) => ((await this.stop(name)) ? name : undefined)),
    );
    return results.filter((name): name is string => name !== undefined);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // detached: true made the child a process-group leader; its children go too.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
