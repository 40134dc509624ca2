import { runBench } from './bench/run-bench';
import { scanCommand } from './scanner/scanner-command';
import { deploy } from './deploy/deploy';
import { devicesCommand } from './devices/devices-command';
import { ensureAllBinaries } from './fabric/build-binaries';
import { usersCommand } from './identity/users-command';
import { timed } from './lib/log';
import { printChannelFingerprint } from './network/channel-fingerprint';
import { networkDown, networkUp } from './network/lifecycle';
import { networkLogs, networkStatus } from './network/status';
import { startAll } from './start';
import { runAllTests } from './test-runner';
import { verifyProofCommand } from './verify-proof/cli';

export type CommandHandler = (args: readonly string[]) => Promise<number>;

async function network(args: readonly string[]): Promise<number> {
  switch (args[0]) {
    case 'up':
      await timed('network up', networkUp);
      return 0;
    case 'down':
      await networkDown(args.includes('--purge'));
      return 0;
    case 'status':
      return networkStatus();
    case 'logs':
      return networkLogs(args.slice(1));
    case 'fingerprint':
      return printChannelFingerprint();
    default:
      console.error('usage: network up | down [--purge] | status | logs [process] [--lines N] | fingerprint');
      return 2;
  }
}

export const commands: Record<string, CommandHandler> = {
  async fabric(args) {
    if (args[0] !== 'build') {
      console.error('usage: fabric build');
      return 2;
    }
    await timed('fabric build', ensureAllBinaries);
    return 0;
  },
  network,
  async deploy(args) {
    const unknown = args.filter((arg) => arg !== '--test-fixtures');
    if (unknown.length > 0) {
      console.error('usage: deploy [--test-fixtures]');
      return 2;
    }
    const entry = args.includes('--test-fixtures') ? 'test-fixtures' : 'production';
    await timed('deploy', () => deploy({ entry }));
    return 0;
  },
  users: (args) => usersCommand(args),
  devices: (args) => devicesCommand(args),
  start: () => startAll(),
  test: (args) => runAllTests(args),
  bench: () => runBench(),
  scan: (args) => scanCommand(args),
  'verify-proof': (args) => verifyProofCommand(args),
};
