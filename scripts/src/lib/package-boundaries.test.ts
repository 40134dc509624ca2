import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { repoRoot } from './paths';

// The repository's lint configuration must refuse an import of the chaincode's internals from the
// gateway, the scripts or the tests, and accept its contract surface (chaincode/src/contract). The
// text is linted by the real ESLint command as if it were an existing file of each package, so the
// real configuration, parser and project apply (ESLint's API loads its config with a dynamic import,
// which jest's module system cannot run).

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly message: string;
}

function lint(code: string, file: string): Promise<LintMessage[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      path.join(repoRoot, 'node_modules', '.bin', 'eslint'),
      ['--stdin', '--stdin-filename', file, '--format', 'json'],
      { cwd: repoRoot, timeout: 120_000 },
      (error, stdout) => {
        // exit code 1 means "problems found": the JSON on stdout is the answer either way
        if (error instanceof Error && stdout === '') {
          reject(error);
          return;
        }
        const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];
        resolve(result?.messages ?? []);
      },
    );
    child.stdin?.end(code);
  });
}

/** What each package's internal import and entry point are, for the checks below. */
const internalOf: Record<string, { internal: string; entry: string }> = {
  'chaincode/src': { internal: 'common/access', entry: 'contract' },
  'scripts/src': { internal: 'lib/paths', entry: '' },
  'gateway-api/src': { internal: 'verify/proof-bundle', entry: '' },
  'gateway-api/test/support': { internal: 'postgres', entry: '' },
};

/**
 * Lints an internal import (line 1) and the entry point's (line 2) of `target` as `file`: only line 1
 * may be refused, with a message naming `entry`.
 */
async function expectOnlyInternalRefused(file: string, target: string, entry: string): Promise<void> {
  const relative = path.relative(path.dirname(file), target);
  const { internal, entry: entryDir } = internalOf[target] ?? { internal: 'index', entry: '' };
  const entryPath = entryDir === '' ? relative : `${relative}/${entryDir}`;
  const code = [
    `import * as internal from '${relative}/${internal}';`,
    `import * as surface from '${entryPath}';`,
    'export const used = [internal, surface];',
    '',
  ].join('\n');

  const restricted = (await lint(code, file)).filter((m) => m.ruleId === 'no-restricted-imports');

  expect(restricted).toEqual([
    expect.objectContaining({ line: 1, message: expect.stringContaining(entry) as string }),
  ]);
}

const hosts = ['gateway-api/src/main.ts', 'scripts/src/cli.ts', 'test/support/identifiers.ts'];

describe('package boundaries in eslint.config.mjs', () => {
  it.each(hosts)(
    'refuses chaincode internals and accepts chaincode/src/contract in %s',
    (file) => expectOnlyInternalRefused(file, 'chaincode/src', 'chaincode/src/contract'),
    120_000,
  );
});

describe("production code of the gateway and the scripts does not import the other's", () => {
  it.each([
    [
      'gateway-api/src/main.ts',
      `import { paths } from '../../scripts/src/lib/paths';`,
      'the scripts or the end-to-end tests',
    ],
    [
      'scripts/src/cli.ts',
      `import { ProofBundleError } from '../../gateway-api/src/verify/proof-bundle';`,
      'the gateway',
    ],
  ])(
    'refuses it in %s',
    async (file, importLine, what) => {
      const code = `${importLine}\nexport const used = [${importLine.split(' ')[2] ?? ''}];\n`;
      const restricted = (await lint(code, file)).filter((m) => m.ruleId === 'no-restricted-imports');
      expect(restricted.map((m) => m.message)).toEqual([
        expect.stringContaining(
          `Production code does not import ${what}: put what both sides share in chaincode/src/contract.`,
        ),
      ]);
    },
    120_000,
  );
});

describe('the tests use the scripts through scripts/src (index.ts)', () => {
  it.each(['test/support/identifiers.ts', 'gateway-api/test/support/network-fixture.ts'])(
    'refuses scripts internals and accepts the entry point in %s',
    (file) => expectOnlyInternalRefused(file, 'scripts/src', 'scripts/src (index.ts)'),
    120_000,
  );
});

describe("other packages' tests use the gateway through gateway-api/src and gateway-api/test/support", () => {
  it.each([
    ['test/e2e/revocation.e2e.ts', 'gateway-api/src'],
    ['test/e2e/index-crash.e2e.ts', 'gateway-api/test/support'],
    ['scripts/src/verify-proof/testing/proof-network.ts', 'gateway-api/src'],
    ['scripts/src/verify-proof/verify-proof-bundle.test.ts', 'gateway-api/test/support'],
  ])(
    'refuses gateway internals and accepts the entry point in %s (%s)',
    (file, target) =>
      expectOnlyInternalRefused(
        file,
        target,
        'gateway-api/src (index.ts) and gateway-api/test/support (index.ts)',
      ),
    120_000,
  );
});

describe('chaincode/src/contract', () => {
  it("loads none of Fabric's chaincode libraries (a client can use it without them)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-contract-load-'));
    const script = path.join(dir, 'load.ts');
    writeFileSync(
      script,
      [
        `import ${JSON.stringify(path.join(repoRoot, 'chaincode', 'src', 'contract'))};`,
        'const fabric = Object.keys(require.cache).filter((k) => /node_modules[\\/]fabric-(contract-api|shim)[\\/]/.test(k));',
        'console.log(JSON.stringify(fabric));',
      ].join('\n'),
    );
    try {
      const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
        execFile(
          path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
          [script],
          { cwd: dir, timeout: 60_000 },
          (error, out) => (error instanceof Error ? reject(error) : resolve({ stdout: out })),
        ),
      );
      expect(JSON.parse(stdout)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
