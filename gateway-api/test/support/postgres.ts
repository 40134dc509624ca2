import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// A throw-away PostgreSQL server for tests, from Debian's packages: initdb into a temporary folder,
// start on a free loopback port (unix socket in the same folder), stop and delete it afterwards.
// Installs the `postgresql` package when no server binaries are there (root only, as on CI).

export interface RunningPostgres {
  /** `postgres://govtrace@127.0.0.1:<port>/govtrace_test`, the database created at start. */
  readonly url: string;
  readonly port: number;
  /** PostgreSQL's major version, e.g. "15". */
  readonly version: string;
  /** How long initdb and the server start took, in ms. */
  readonly timings: { readonly initdbMs: number; readonly startMs: number };
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

const SUPERUSER = 'govtrace';
const DATABASE = 'govtrace_test';
const SERVER_USER = 'postgres';

/** Starts a server; call `stop()` when done (an exit handler also stops it if the process ends first). */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = await postgresBinDir();
  const asServerUser = serverUserCommand();
  const dir = mkdtempSync(path.join(asServerUser.isRoot ? '/tmp' : tmpdir(), 'govtrace-pg-'));
  const dataDir = path.join(dir, 'data');
  if (asServerUser.isRoot) {
    const { uid, gid } = serverUserIds();
    chownSync(dir, uid, gid);
  }
  let stopped = false;
  const stopNow = (): void => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      spawnSync(
        ...asServerUser.wrap(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
        {
          stdio: 'ignore',
        },
      );
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // jest ends workers with process.exit; without this a failing suite would leave a server behind
  process.once('exit', stopNow);

  try {
    let started = performance.now();
    await run(
      ...asServerUser.wrap(path.join(bin, 'initdb'), [
        '-D',
        dataDir,
        '-U',
        SUPERUSER,
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ]),
    );
    const initdbMs = performance.now() - started;
    started = performance.now();
    const port = await startServer(bin, dir, dataDir, asServerUser);
    const startMs = performance.now() - started;
    const createDatabase = async (name: string): Promise<string> => {
      await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, name]);
      return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase(DATABASE);
    return {
      url,
      port,
      version: path.basename(path.dirname(bin)),
      timings: { initdbMs: Math.round(initdbMs), startMs: Math.round(startMs) },
      createDatabase,
      stop: () => {
        stopNow();
        process.removeListener('exit', stopNow);
        return Promise.resolve();
      },
    };
  } catch (error) {
    stopNow();
    process.removeListener('exit', stopNow);
    throw error;
  }
}

/** Tries a few free ports: another process may take the one we found before the server binds it. */
async function startServer(
  bin: string,
  dir: string,
  dataDir: string,
  asServerUser: ServerUser,
): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      // a test database need not survive a power cut
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    try {
      await run(
        ...asServerUser.wrap(path.join(bin, 'pg_ctl'), [
          '-D',
          dataDir,
          '-l',
          path.join(dir, 'server.log'),
          '-o',
          options,
          '-w',
          '-t',
          '30',
          'start',
        ]),
      );
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The newest `/usr/lib/postgresql/<major>/bin`, installing Debian's `postgresql` package if none. */
async function postgresBinDir(): Promise<string> {
  const found = findBinDir();
  if (found !== undefined) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL server binaries not found: run `apt-get install -y postgresql` as root');
  }
  progress('PostgreSQL server binaries not found; installing Debian package postgresql');
  await run('apt-get', ['update'], { showOutput: true });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    showOutput: true,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findBinDir();
  if (installed === undefined)
    throw new Error('postgresql installed, but no /usr/lib/postgresql/*/bin/initdb');
  progress(`PostgreSQL installed: ${installed}`);
  return installed;
}

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((major) => existsSync(path.join(root, major, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => path.join(root, major, 'bin'))[0];
}

interface ServerUser {
  readonly isRoot: boolean;
  wrap(command: string, args: readonly string[]): [string, string[]];
}

/** initdb and postgres refuse to run as root; as root, run them as the `postgres` system user. */
function serverUserCommand(): ServerUser {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { isRoot, wrap: (command, args) => [command, [...args]] };
  if (spawnSync('id', ['-u', SERVER_USER]).status !== 0) {
    progress(`creating system user ${SERVER_USER} to run the test server`);
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', SERVER_USER]);
    if (created.status !== 0) throw new Error(`useradd ${SERVER_USER} failed: ${created.stderr.toString()}`);
  }
  return { isRoot, wrap: (command, args) => ['runuser', ['-u', SERVER_USER, '--', command, ...args]] };
}

function serverUserIds(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(spawnSync('id', [flag, SERVER_USER]).stdout.toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface RunOptions {
  /** Stream the command's output to stderr as it runs (long installs), instead of keeping it for errors. */
  readonly showOutput?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const output: Buffer[] = [];
    const collect = (chunk: Buffer): void => {
      if (options.showOutput === true) process.stderr.write(chunk);
      else output.push(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${args.join(' ')} exited with ${code}:\n${Buffer.concat(output).toString()}`),
        );
    });
  });
}

function progress(message: string): void {
  process.stderr.write(`[test postgres] ${message}\n`);
}
