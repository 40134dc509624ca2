import { readFile } from 'node:fs/promises';

import { type TrustedRootFingerprints } from './organization-trust';
import { type VerificationResult, verifyProofBundle } from './verify-proof-bundle';

// `verify-proof <bundle.json> [--json] [--trust-root MSP=sha256hex]…`: checks an offline proof bundle
// and says so; exit 0 when it verifies, 1 when it does not, 2 on bad usage or an unreadable file.

const USAGE = 'usage: verify-proof <bundle.json> [--json] [--trust-root <MSP id>=<root CA SHA-256 hex>]…';

export interface CliOutput {
  log(text: string): void;
  error(text: string): void;
}

interface CliArguments {
  readonly path: string;
  readonly json: boolean;
  readonly pins: TrustedRootFingerprints;
}

export async function verifyProofCommand(
  args: readonly string[],
  output: CliOutput = console,
): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === undefined) {
    output.error(USAGE);
    return 2;
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(parsed.path, 'utf8')) as unknown;
  } catch (error) {
    output.error(`verify-proof: cannot read ${parsed.path} as JSON: ${(error as Error).message}`);
    return 2;
  }
  const pinned = Object.keys(parsed.pins).length > 0;
  const result = verifyProofBundle(bundle, pinned ? { trustedRootFingerprints: parsed.pins } : {});
  output.log(parsed.json ? JSON.stringify(result, null, 2) : describe(result, pinned));
  return result.ok ? 0 : 1;
}

function parseArguments(args: readonly string[]): CliArguments | undefined {
  const paths: string[] = [];
  const pins: Record<string, string[]> = {};
  let json = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--trust-root') {
      const [mspId, fingerprint] = (args[(index += 1)] ?? '').split('=');
      if (!mspId || !fingerprint) return undefined;
      (pins[mspId] ??= []).push(fingerprint);
    } else if (arg.startsWith('--')) {
      return undefined;
    } else {
      paths.push(arg);
    }
  }
  const [path] = paths;
  return path !== undefined && paths.length === 1 ? { path, json, pins } : undefined;
}

function describe(result: VerificationResult, pinned: boolean): string {
  if (!result.ok) return `NOT VERIFIED: ${result.reason}`;
  const { facts } = result;
  const trust = pinned
    ? 'CA certificates: pinned roots where given, the bundle’s otherwise'
    : 'CA certificates: as carried in the bundle (not pinned)';
  return [
    `VERIFIED: ${facts.recordKind} ${facts.id}`,
    `  written by transaction ${facts.txId}, block ${facts.blockNumber}, validation code VALID`,
    `  endorsed by ${facts.endorsers.join(', ')}`,
    ...(facts.contentHash === undefined ? [] : [`  content hash ${facts.contentHash}`]),
    `  ${trust}`,
  ].join('\n');
}

if (require.main === module) {
  verifyProofCommand(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
