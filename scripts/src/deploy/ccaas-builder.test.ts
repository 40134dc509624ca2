import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extract } from 'tar';
import { paths } from '../lib/paths';
import { writeCcaasPackage } from './ccaas-package';

// Drives network/builders/ccaas/bin/* exactly as a peer does at install time:
// unpack the package, call detect, build and release with the folders Fabric passes.
const builder = (step: string): string =>
  path.join(paths.networkDefinition, 'builders', 'ccaas', 'bin', step);
const run = (step: string, ...args: string[]): number => {
  try {
    execFileSync(builder(step), args, { stdio: 'pipe' });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
};

describe('chaincode-as-a-service package and builder', () => {
  let dir: string;
  const connection = {
    address: '127.0.0.1:7055',
    dialTimeout: '10s',
    rootCertPem: '-----BEGIN CERTIFICATE-----\nx\n',
    client: { certPem: 'client cert', keyPem: 'client key' },
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-builder-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function unpack(): Promise<{ source: string; metadata: string }> {
    const pkg = await writeCcaasPackage(path.join(dir, 'pkg.tgz'), 'govtrace_abc', connection);
    const metadata = path.join(dir, 'metadata');
    const source = path.join(dir, 'source');
    mkdirSync(metadata);
    mkdirSync(source);
    await extract({ file: pkg.file, cwd: metadata });
    await extract({ file: path.join(metadata, 'code.tar.gz'), cwd: source });
    return { source, metadata };
  }

  it('gives the same package id for the same inputs, and another for another address', async () => {
    const a = await writeCcaasPackage(path.join(dir, 'a.tgz'), 'govtrace_abc', connection);
    const b = await writeCcaasPackage(path.join(dir, 'b.tgz'), 'govtrace_abc', connection);
    const c = await writeCcaasPackage(path.join(dir, 'c.tgz'), 'govtrace_abc', {
      ...connection,
      address: '127.0.0.1:8055',
    });
    expect(a.packageId).toMatch(/^govtrace_abc:[0-9a-f]{64}$/);
    expect(b.packageId).toBe(a.packageId);
    expect(c.packageId).not.toBe(a.packageId);
  });

  it('detects, builds and releases a ccaas package into chaincode/server/connection.json', async () => {
    const { source, metadata } = await unpack();
    const build = path.join(dir, 'build');
    const release = path.join(dir, 'release');
    mkdirSync(build);
    mkdirSync(release);
    expect(run('detect', source, metadata)).toBe(0);
    expect(run('build', source, metadata, build)).toBe(0);
    expect(run('release', build, release)).toBe(0);
    const released = JSON.parse(
      readFileSync(path.join(release, 'chaincode', 'server', 'connection.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(released).toMatchObject({
      address: '127.0.0.1:7055',
      tls_required: true,
      root_cert: connection.rootCertPem,
      client_auth_required: true,
      client_cert: 'client cert',
    });
  });

  it('declines packages of other types so the peer can try its next builder', async () => {
    const { source, metadata } = await unpack();
    writeFileSync(path.join(metadata, 'metadata.json'), JSON.stringify({ type: 'node', label: 'x' }));
    expect(run('detect', source, metadata)).toBe(1);
  });

  it('fails the build when connection.json is missing', async () => {
    const { source, metadata } = await unpack();
    rmSync(path.join(source, 'connection.json'));
    const build = path.join(dir, 'build');
    mkdirSync(build);
    expect(run('build', source, metadata, build)).not.toBe(0);
    expect(existsSync(path.join(build, 'connection.json'))).toBe(false);
  });
});
