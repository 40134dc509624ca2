import { simulateCommand } from '../device-simulator/simulate-command';
import { devicesUsage } from './device-args';
import { addDevice, enrolDevice, listDevices, revokeDevice } from './device-identities';

/**
 * `npm run devices -- <subcommand>`: one handler per subcommand, each in the file of its job
 * (device-identities.ts for enrolment, ../device-simulator/simulate-command.ts for `simulate`, which
 * enrols the devices it plays with device-identities.ts's enrolDevice).
 */
const subcommands: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  add: addDevice,
  revoke: revokeDevice,
  list: () => listDevices(),
  simulate: (args) => simulateCommand(args, enrolDevice),
};

export function devicesCommand(args: readonly string[]): Promise<number> {
  const handler = args[0] === undefined ? undefined : subcommands[args[0]];
  if (handler === undefined) {
    console.error(devicesUsage);
    return Promise.resolve(2);
  }
  return handler(args.slice(1));
}
