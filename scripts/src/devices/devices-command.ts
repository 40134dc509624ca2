import { devicesUsage } from './device-args';
import { addDevice, listDevices, revokeDevice } from './device-identities';

/**
 * `npm run devices -- <subcommand>`: one handler per subcommand, each in the file of its job
 * (device-identities.ts for enrolment; a further subcommand such as the simulator adds its own file
 * and one line here).
 */
const subcommands: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  add: addDevice,
  revoke: revokeDevice,
  list: () => listDevices(),
};

export function devicesCommand(args: readonly string[]): Promise<number> {
  const handler = args[0] === undefined ? undefined : subcommands[args[0]];
  if (handler === undefined) {
    console.error(devicesUsage);
    return Promise.resolve(2);
  }
  return handler(args.slice(1));
}
