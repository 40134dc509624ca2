import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { verifyProofCommand } from './cli';
import {
  certificateRecord,
  createProofNetwork,
  proofBundle,
  type ProofNetwork,
} from './testing/proof-network';

let network: ProofNetwork;
let dir: string;
let validPath: string;
let forgedPath: string;
let cancelledPath: string;
let genesisPath: string;

beforeAll(() => {
  network = createProofNetwork();
  dir = mkdtempSync(join(tmpdir(), 'govtrace-verify-cli-'));
  validPath = join(dir, 'valid.json');
  forgedPath = join(dir, 'forged.json');
  cancelledPath = join(dir, 'cancelled.json');
  genesisPath = join(dir, 'genesis.block');
  const bundle = proofBundle(network);
  writeFileSync(validPath, JSON.stringify(bundle));
  writeFileSync(
    forgedPath,
    JSON.stringify({ ...bundle, transaction: { ...bundle.transaction, blockNumber: '7' } }),
  );
  const cancelled = proofBundle(network, { value: { ...certificateRecord(), status: 'CANCELLED' } });
  writeFileSync(cancelledPath, JSON.stringify(cancelled));
  writeFileSync(genesisPath, network.genesis);
});

afterAll(() => {
  network.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await verifyProofCommand(args, {
    log: (text) => lines.push(text),
    error: (text) => errors.push(text),
  });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

describe('verify-proof CLI', () => {
  const pin = () => ['--channel', network.fingerprint];

  it('says VERIFIED, what is proven and what is not, and exits 0 for a valid bundle', async () => {
    const { code, out } = await run(validPath, ...pin());

    expect(code).toBe(0);
    expect(out).toMatch(
      /^VERIFIED: real-estate-certificate SYN\(2026\)0000001, ACTIVE as written by transaction /,
    );
    expect(out).toMatch(/endorsed by a peer of RegistryMSP/);
    expect(out).toMatch(/ordered into block 42 by the orderers of OrdererMSP/);
    expect(out).toMatch(
      /Not proven offline:\n {2}- that no later transaction changed.*check online for the current status/,
    );
    expect(out).toMatch(/validation code VALID is computed by peers and signed by nobody/);
  });

  it('refuses to run without a pinned channel fingerprint (exit 2)', async () => {
    const { code, out, err } = await run(validPath);

    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/refusing to verify without pinned trust/);
  });

  it('says NOT VERIFIED with the reason and exits 1 for a forged bundle', async () => {
    const { code, out } = await run(forgedPath, ...pin());

    expect(code).toBe(1);
    expect(out).toBe('NOT VERIFIED: block: the header is block 42, not 7');
  });

  it('says a cancelled certificate is not in force and exits 1', async () => {
    const { code, out } = await run(cancelledPath, ...pin());

    expect(code).toBe(1);
    expect(out).toMatch(/^NOT VERIFIED: status: .* CANCELLED: it is not in force$/);
  });

  it('refuses a bundle of another channel than the pinned one', async () => {
    const { code, out } = await run(validPath, '--channel', 'ab'.repeat(32));

    expect(code).toBe(1);
    expect(out).toMatch(/^NOT VERIFIED: trust: the bundle's genesis block hashes to /);
  });

  it('prints the result object with --json', async () => {
    const { code, out } = await run('--json', forgedPath, ...pin());

    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ ok: false, reason: 'block: the header is block 42, not 7' });
  });

  it('prints the channel fingerprint of a genesis block file', async () => {
    const { code, out } = await run('--fingerprint', genesisPath);

    expect(code).toBe(0);
    expect(out).toBe(network.fingerprint);
  });

  it('refuses to print a fingerprint of what is not a genesis block', async () => {
    const { code, err } = await run('--fingerprint', validPath);

    expect(code).toBe(2);
    expect(err).toMatch(/is not a genesis block|cannot read .* as a Fabric block/);
  });

  it.each([
    [[]],
    [['a.json', 'b.json']],
    [['--nope', 'a.json']],
    [['a.json', '--channel']],
    [['a.json', '--fingerprint', 'g.block']],
  ])('prints usage and exits 2 for arguments %j', async (args: string[]) => {
    const { code, err } = await run(...args);

    expect(code).toBe(2);
    expect(err).toMatch(/^usage: verify-proof/);
  });

  it('exits 2 when the file is not JSON', async () => {
    const { code, err } = await run(join(dir, 'missing.json'), ...pin());

    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .*missing\.json as JSON/);
  });
});
