import {
  describeDeviceAssignment,
  type DeviceAssignment,
  DeviceRoles,
} from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { log } from '../lib/log';
import { tableLines } from '../lib/table';
import { defaultIdentityFiles, readApiTokens, readStore } from '../identity/identity-files';
import {
  addIdentity,
  identityStatus,
  identityStatusHeader,
  revokeIdentity,
  shownPath,
} from '../identity/identity-operations';
import { type EnrolledUser } from '../identity/identity-store';
import { assertUserName } from '../identity/roles';
import { deviceSpec, parseDeviceAdd } from './device-args';

// A device is an identity like a person (identity-operations.ts enrols and revokes both); what sets
// it apart is the vehicle or site its certificate names, which the chaincode checks on every report.

const isDevice = (entry: EnrolledUser): boolean => (DeviceRoles as readonly string[]).includes(entry.role);

const listHint = 'List the devices with `npm run devices -- list`.';

/** `devices add <name> --vehicle <plate> | --site <siteId>`. */
export async function addDevice(args: readonly string[]): Promise<number> {
  const spec = parseDeviceAdd(args);
  const bound = describeDeviceAssignment(spec.device);
  log.step(`enrolling ${spec.user} (${spec.mspId}, ${spec.role}) for ${bound}`);
  const { entry } = await addIdentity(spec);
  log.step(`added ${spec.user}: certificate ${shownPath(entry.certificatePath)} names ${bound}`);
  log.detail(
    `its API token is in ${shownPath(defaultIdentityFiles.apiTokens)}: the device calls the gateway with it ` +
      `(the gateway accepts it as soon as it re-reads ${shownPath(defaultIdentityFiles.store)})`,
  );
  return 0;
}

/**
 * Enrols one device as `devices add` does and answers its API token: what the simulator's morning
 * needs for each device it plays, without a process per device.
 */
export async function enrolDevice(name: string, device: DeviceAssignment): Promise<string> {
  const spec = deviceSpec(name, device);
  const { token } = await addIdentity(spec);
  log.detail(`enrolled ${spec.user} (${spec.role}) for ${describeDeviceAssignment(device)}`);
  return token;
}

/** `devices revoke <name>`: the same revocation as a person's, refused for a name that is not a device. */
export async function revokeDevice(args: readonly string[]): Promise<number> {
  const user = assertUserName(args[0]);
  await revokeIdentity(user, listHint, (entry) => {
    if (!isDevice(entry)) {
      throw new OperatorError(
        `${user} is not a device (role ${entry.role})`,
        `Revoke a person with \`npm run users -- revoke ${user}\`.`,
      );
    }
  });
  return 0;
}

/** `devices list`: every device with what it is bound to, its state and certificate expiry. */
export async function listDevices(): Promise<number> {
  const files = defaultIdentityFiles;
  const devices = (await readStore(files)).users.filter(isDevice);
  const tokens = await readApiTokens(files);
  if (devices.length === 0) {
    console.log('no devices yet: `npm run devices -- add <name> --vehicle <plate> | --site <siteId>`');
    return 0;
  }
  const rows = devices.map((d) => [
    d.user,
    d.role,
    d.device === undefined ? '(none)' : describeDeviceAssignment(d.device),
    ...identityStatus(d, tokens),
  ]);
  const header = ['device', 'role', 'bound to', ...identityStatusHeader];
  for (const line of tableLines(header, rows)) console.log(line);
  return 0;
}
