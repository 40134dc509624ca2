import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gatewayNodeArguments, paths } from '../../scripts/src';

/**
 * The real gateway as a separate process (gateway-api/dist/gateway-api/src/main.js), so tests
 * can talk to it over HTTP and kill it with real signals.
 */
export interface GatewayProcess {
  readonly baseUrl: string;
  /** The gateway's process id (the bench samples its memory). */
  readonly pid: number;
  readonly logFile: string;
  /** Kills with the given signal and waits for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the built gateway with `env` on a free loopback port and waits for /health. */
export async function startGateway(name: string, env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const port = await freePort();
  const logFile = path.join(paths.runtimeRoot, 'test-results', `gateway-${name}.log`);
  // `npm test` makes the folder; `npm run test:e2e` on a fresh GOVTRACE_HOME must not depend on it
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, gatewayNodeArguments(), {
    cwd: paths.repoRoot,
    env: {
      // the network is deployed with `deploy --test-fixtures`: serve its smoke routes too
      GOVTRACE_TEST_FIXTURES: 'smoke',
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `gateway exited at start (${child.exitCode}); see ${logFile}:\n${readFileSync(logFile, 'utf8')}`,
      );
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`gateway did not answer /health within 60 s; see ${logFile}`);
    await sleep(200);
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    logFile,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The demo users' tokens written by `network up` (API.md "Identity and tokens"). */
export function apiTokens(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(paths.runtimeRoot, 'api-tokens.json'), 'utf8')) as Record<
    string,
    string
  >;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A JSON request with an optional bearer token and extra headers. */
export async function call(
  baseUrl: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * Waits until /health/ready reports the gateway's index 0 blocks behind the peer: its block checkpoint
 * counts blocks without our events too (lifecycle, configuration, invalidated transactions), so it
 * gets there on any channel once nothing else is writing.
 */
export async function indexCaughtUp(baseUrl: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const text = await (await fetch(`${baseUrl}/health/ready`)).text();
    const behind = /(\d+) blocks behind/.exec(text)?.[1];
    if (behind === '0') return;
    if (Date.now() > deadline) throw new Error(`index still behind after ${withinMs} ms: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * How many events the gateway's index set aside (quarantined), as /health/ready reports it at once
 * (the /metrics gauge is only sampled every few seconds).
 */
export async function quarantinedCount(baseUrl: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await (await fetch(`${baseUrl}/health/ready`)).text();
    const count = /(\d+) events? quarantined/.exec(text)?.[1];
    if (count !== undefined) return Number(count);
    if (Date.now() > deadline) throw new Error(`no quarantine count in /health/ready: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
