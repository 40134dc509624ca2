import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { isPortFree } from './port-check';
import { type ProcessSpec, Supervisor } from './supervisor';

// These tests start real processes (node one-liners) on loopback ports.
const host = '127.0.0.1';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function httpServerScript(port: number): string {
  return `require('http').createServer((q, s) => s.end(q.url === '/healthz' ? 'ok' : 'no')).listen(${port}, '${host}'); console.log('listening');`;
}

function nodeSpec(name: string, port: number, script: string, startTimeoutMs = 10_000): ProcessSpec {
  return {
    name,
    program: process.execPath,
    args: ['-e', script],
    env: process.env,
    cwd: tmpdir(),
    listens: [{ label: 'test server', host, port }],
    health: { kind: 'http', url: `http://${host}:${port}/healthz` },
    startTimeoutMs,
  };
}

describe('Supervisor', () => {
  let dir: string;
  let supervisor: Supervisor;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-supervisor-'));
    supervisor = new Supervisor(path.join(dir, 'pids'), path.join(dir, 'logs'));
  });

  afterEach(async () => {
    await supervisor.stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a process once, reports it healthy, and stops it', async () => {
    const port = await freePort();
    const spec = nodeSpec('web', port, httpServerScript(port));
    expect(await supervisor.ensureStarted(spec)).toBe(true);
    expect(await supervisor.ensureStarted(spec)).toBe(false);
    const state = await supervisor.state('web');
    expect(state).toMatchObject({ running: true, healthy: true });
    expect(await supervisor.known()).toEqual(['web']);
    expect(await supervisor.stopAll()).toEqual(['web']);
    expect(await supervisor.state('web')).toMatchObject({ running: false, healthy: false });
    expect(await isPortFree(host, port)).toBe(true);
  });

  it('refuses to start when a port is taken, naming the port', async () => {
    const port = await freePort();
    const blocker: Server = await new Promise((resolve) => {
      const s = createServer().listen(port, host, () => resolve(s));
    });
    try {
      const attempt = supervisor.ensureStarted(nodeSpec('web', port, httpServerScript(port)));
      await expect(attempt).rejects.toThrow(OperatorError);
      await expect(supervisor.ensureStarted(nodeSpec('web', port, httpServerScript(port)))).rejects.toThrow(
        `port ${port}`,
      );
      expect(await supervisor.known()).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('reports a process that dies at start with the tail of its log', async () => {
    const port = await freePort();
    const spec = nodeSpec(
      'crashy',
      port,
      "console.error('bad configuration: CORE_PEER_ID'); process.exit(3)",
    );
    await expect(supervisor.ensureStarted(spec)).rejects.toThrow(/exited during start-up[\s\S]*CORE_PEER_ID/);
    expect(await supervisor.known()).toEqual([]);
  });

  it('stops a process that never becomes healthy, leaving nothing running', async () => {
    const port = await freePort();
    const spec = nodeSpec('mute', port, 'setInterval(() => {}, 1000)', 1_500);
    await expect(supervisor.ensureStarted(spec)).rejects.toThrow(/did not become healthy/);
    expect(await supervisor.known()).toEqual([]);
  });

  it('refuses a missing program with a hint', async () => {
    const port = await freePort();
    const spec = { ...nodeSpec('ghost', port, ''), program: path.join(dir, 'no-such-binary') };
    await expect(supervisor.ensureStarted(spec)).rejects.toThrow(/does not exist/);
  });
});
