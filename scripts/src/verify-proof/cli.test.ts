import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { verifyProofCommand } from './cli';
import { createProofNetwork, proofBundle, type ProofNetwork } from './testing/proof-network';

let network: ProofNetwork;
let dir: string;
let validPath: string;
let forgedPath: string;

beforeAll(() => {
  network = createProofNetwork();
  dir = mkdtempSync(join(tmpdir(), 'govtrace-verify-cli-'));
  validPath = join(dir, 'valid.json');
  forgedPath = join(dir, 'forged.json');
  const bundle = proofBundle(network);
  writeFileSync(validPath, JSON.stringify(bundle));
  writeFileSync(
    forgedPath,
    JSON.stringify({ ...bundle, transaction: { ...bundle.transaction, blockNumber: '7' } }),
  );
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
  it('says VERIFIED with the facts and exits 0 for a valid bundle', async () => {
    const { code, out } = await run(validPath);

    expect(code).toBe(0);
    expect(out).toMatch(/^VERIFIED: real-estate-certificate SYN\(2026\)0000001\n/);
    expect(out).toMatch(/endorsed by RegistryMSP/);
    expect(out).toMatch(/not pinned/);
  });

  it('says NOT VERIFIED with the reason and exits 1 for a forged bundle', async () => {
    const { code, out } = await run(forgedPath);

    expect(code).toBe(1);
    expect(out).toBe('NOT VERIFIED: block: the header is block 42, not 7');
  });

  it('prints the result object with --json', async () => {
    const { code, out } = await run('--json', forgedPath);

    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({ ok: false, reason: 'block: the header is block 42, not 7' });
  });

  it('pins root CAs given with --trust-root', async () => {
    const { code, out } = await run(validPath, '--trust-root', `RegistryMSP=${'0'.repeat(64)}`);

    expect(code).toBe(1);
    expect(out).toMatch(/not pinned/);
  });

  it.each([
    [[]],
    [['a.json', 'b.json']],
    [['--nope', 'a.json']],
    [['a.json', '--trust-root', 'RegistryMSP']],
  ])('prints usage and exits 2 for arguments %j', async (args: string[]) => {
    const { code, err } = await run(...args);

    expect(code).toBe(2);
    expect(err).toMatch(/^usage: verify-proof/);
  });

  it('exits 2 when the file is not JSON', async () => {
    const { code, err } = await run(join(dir, 'missing.json'));

    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .*missing\.json as JSON/);
  });
});
