import {
  type DeviceAssignment,
  deviceIdProblem,
  deviceRoleFor,
  RoleMsp,
} from '../../../chaincode/src/contract';
import { assertKnownFlags, flagValue } from '../lib/command-args';
import { OperatorError } from '../lib/errors';
import { assertUserName, type UserSpec } from '../identity/roles';

export const devicesUsage = [
  'usage: npm run devices -- add <name> --vehicle <plate>     a truck weighing unit (vehicle_device)',
  '       npm run devices -- add <name> --site <siteId>       a scanner or weighbridge (site_device)',
  '       npm run devices -- revoke <name>',
  '       npm run devices -- list',
  '       npm run devices -- simulate [--bags N] [--run ID] [--url URL]   a morning through the gateway',
].join('\n');

type DeviceSpec = UserSpec & { readonly device: DeviceAssignment };

/**
 * `devices add <name> --vehicle <plate> | --site <siteId>` as the identity to enrol (deviceSpec).
 */
export function parseDeviceAdd(args: readonly string[]): DeviceSpec {
  const user = assertUserName(args[0]);
  assertKnownFlags(args, 1, ['--vehicle', '--site'], devicesUsage);
  const vehicleId = flagValue(args, '--vehicle', devicesUsage);
  const siteId = flagValue(args, '--site', devicesUsage);
  if ((vehicleId === undefined) === (siteId === undefined)) {
    throw new OperatorError(
      'devices add needs exactly one of --vehicle <plate> or --site <siteId>',
      devicesUsage,
    );
  }
  return deviceSpec(user, vehicleId !== undefined ? { vehicleId } : { siteId: siteId ?? '' });
}

/**
 * The identity a device is enrolled as: the role follows from the binding, the org is the role's
 * (UrbanMSP), and the id is checked with the chaincode's own pattern (a plate such as 粤A12345, a
 * site id such as LW-ST-001) before the CA sees anything.
 */
export function deviceSpec(name: string, device: DeviceAssignment): DeviceSpec {
  const user = assertUserName(name);
  const problem = deviceIdProblem(device);
  if (problem !== undefined) {
    const byVehicle = 'vehicleId' in device;
    throw new OperatorError(
      `invalid ${byVehicle ? '--vehicle' : '--site'}: ${problem}`,
      byVehicle
        ? 'A vehicle device is bound to the plate its vehicle is registered with (POST /api/v1/waste/vehicles).'
        : 'A site device is bound to a registered site id (POST /api/v1/waste/sites).',
    );
  }
  const role = deviceRoleFor(device);
  return { user, mspId: RoleMsp[role], role, device };
}
