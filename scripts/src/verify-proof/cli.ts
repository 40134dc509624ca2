import { readFile } from 'node:fs/promises';

import { genesisFingerprint } from './block-header';
import { type VerificationResult, verifyProofBundle } from './verify-proof-bundle';

// `verify-proof <bundle.json> --channel <fingerprint> [--json]`: checks an offline proof bundle against
// the pinned channel and says what it proves; exit 0 when it verifies, 1 when it does not, 2 on bad
// usage or an unreadable file. `verify-proof --fingerprint <genesis.block>` prints a channel's
// fingerprint from its genesis block (as `peer channel fetch 0` or `network fingerprint` saves it).

const USAGE = [
  'usage: verify-proof <bundle.json> --channel <channel fingerprint> [--json]',
  '       verify-proof --fingerprint <genesis block file>',
].join('\n');

const NO_TRUST =
  'verify-proof: refusing to verify without pinned trust. Give --channel <fingerprint>: the SHA-256 of ' +
  "the channel's genesis block header, as the city publishes it (README, 'Checking a proof offline').";

export interface CliOutput {
  log(text: string): void;
  error(text: string): void;
}

type CliArguments =
  | { readonly mode: 'verify'; readonly path: string; readonly json: boolean; readonly channel?: string }
  | { readonly mode: 'fingerprint'; readonly path: string };

export async function verifyProofCommand(
  args: readonly string[],
  output: CliOutput = console,
): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === undefined) {
    output.error(USAGE);
    return 2;
  }
  if (parsed.mode === 'fingerprint') return printFingerprint(parsed.path, output);
  if (parsed.channel === undefined) {
    output.error(NO_TRUST);
    return 2;
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(parsed.path, 'utf8')) as unknown;
  } catch (error) {
    output.error(`verify-proof: cannot read ${parsed.path} as JSON: ${(error as Error).message}`);
    return 2;
  }
  const result = verifyProofBundle(bundle, { channelFingerprint: parsed.channel });
  output.log(parsed.json ? JSON.stringify(result, null, 2) : describe(result, parsed.channel));
  return result.ok ? 0 : 1;
}

async function printFingerprint(path: string, output: CliOutput): Promise<number> {
  try {
    const fingerprint = genesisFingerprint(await readFile(path));
    if (fingerprint === undefined) {
      output.error(`verify-proof: ${path} is not a genesis block (block 0)`);
      return 2;
    }
    output.log(fingerprint);
    return 0;
  } catch (error) {
    output.error(`verify-proof: cannot read ${path} as a Fabric block: ${(error as Error).message}`);
    return 2;
  }
}

function parseArguments(args: readonly string[]): CliArguments | undefined {
  const options = readOptions(args);
  if (options === undefined) return undefined;
  const { paths, json, channel, fingerprintOf } = options;
  if (fingerprintOf !== undefined) {
    const alone = paths.length === 0 && !json && channel === undefined;
    return alone ? { mode: 'fingerprint', path: fingerprintOf } : undefined;
  }
  const [path] = paths;
  if (path === undefined || paths.length !== 1) return undefined;
  return { mode: 'verify', path, json, ...(channel !== undefined && { channel }) };
}

interface Options {
  readonly paths: string[];
  json: boolean;
  channel?: string;
  fingerprintOf?: string;
}

/** Flags and positional arguments; undefined for an unknown flag or a flag missing its value. */
function readOptions(args: readonly string[]): Options | undefined {
  const options: Options = { paths: [], json: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--json') {
      options.json = true;
    } else if (arg === '--channel' || arg === '--fingerprint') {
      const value = args[(index += 1)];
      if (value === undefined || value === '' || value.startsWith('--')) return undefined;
      options[arg === '--channel' ? 'channel' : 'fingerprintOf'] = value;
    } else if (arg.startsWith('--')) {
      return undefined;
    } else {
      options.paths.push(arg);
    }
  }
  return options;
}

/** The human answer: what is proven, from what, and what only an online check can tell. */
function describe(result: VerificationResult, channel: string): string {
  if (!result.ok) return `NOT VERIFIED: ${result.reason}`;
  const { facts } = result;
  return [
    `VERIFIED: ${facts.recordKind} ${facts.id}, ${facts.status} as written by transaction ${facts.txId}`,
    `Proven offline, from the channel with fingerprint ${channel}:`,
    `  - endorsed by a peer of ${facts.endorsers.join(', ')}, the department responsible (certificates ` +
      `checked against configuration block ${facts.configurationBlock}, revocation lists included)`,
    `  - ordered into block ${facts.blockNumber} by the orderers of ${facts.orderers.join(', ')}`,
    ...(facts.contentHash === undefined ? [] : [`  - content hash ${facts.contentHash} matches the content`]),
    'Not proven offline:',
    '  - that no later transaction changed, superseded or cancelled it: check online for the current status',
    '  - that the peers validated the transaction: the validation code VALID is computed by peers and signed by nobody',
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
