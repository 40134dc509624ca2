/**
 * govtrace operator commands. `npm start`, `npm test` and the npm scripts in
 * the root package.json all land here (through scripts/govtrace.sh, which
 * installs the npm dependencies first).
 */
import { OperatorError } from './lib/errors';
import { commands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const [group, ...rest] = argv;
  const handler = group ? commands[group] : undefined;
  if (!handler) {
    console.log(usage());
    return group && group !== 'help' ? 2 : 0;
  }
  return handler(rest);
}

function usage(): string {
  return [
    'usage: npm run <script> -- <arguments>   (or: npx tsx scripts/src/cli.ts <command>)',
    '',
    ...Object.entries(commandHelp).map(([name, text]) => `  ${name.padEnd(44)} ${text}`),
  ].join('\n');
}

const commandHelp: Record<string, string> = {
  'fabric build': 'build the pinned Fabric and Fabric CA binaries (cached)',
  'network up': 'start orderers, peers, CAs, chaincode servers; channel; enroll users, tokens',
  'network down [--purge]': 'stop what `up` started; --purge also deletes the runtime state',
  'network status': 'health of every process and every chaincode definition',
  'network logs [process] [--lines N]': 'list log files, or print the tail of one',
  'deploy [--test-fixtures]': 'every chaincode definition: upgrade the changed ones (+ smoke for tests)',
  'users add <user> --role <role> [--org <MSP>]': "enroll a further user at its org's CA; new API token",
  'users revoke <user>': 'revoke at the CA (new CRL), mark revoked, remove the token',
  'users list': 'users with org, role, state and certificate expiry',
  'devices add <name> --vehicle <plate>': "enroll a truck's weighing unit (vehicle_device); new API token",
  'devices add <name> --site <siteId>': "enroll a site's scanner or weighbridge (site_device); token",
  'devices revoke <name>': 'revoke a device exactly as users revoke does',
  'devices list': 'devices with what they are bound to, state and certificate expiry',
  'devices simulate [--bags N] [--run ID]': 'a morning of the waste chain through the gateway, as devices',
  start: 'build, bring the network up, deploy, start the gateway',
  test: 'typecheck, lint, unit tests, then end-to-end tests on a real network',
  bench: 'throughput through the HTTP API and raw Fabric, bounded; table + JSON',
  'scan <file.csv>': "a station's scans from CSV, in batches, retried on 503 with the same keys",
  'verify-proof <bundle.json> [--json]': 'check an offline proof bundle without the gateway or the network',
};

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof OperatorError) {
      console.error(`\ngovtrace: ${error.message}`);
      if (error.hint) console.error(`  → ${error.hint}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
