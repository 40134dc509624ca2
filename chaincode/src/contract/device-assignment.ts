import { DEVICE_SITE_ATTRIBUTE, DEVICE_VEHICLE_ATTRIBUTE, type Role, Roles } from '../common/access';
import { SITE_ID_PATTERN, SITE_ID_RULE } from '../waste/domain';
import { VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE } from '../waste/vehicle-rules';
import { type DeviceAssignment } from './runtime-files';

// A device identity's binding as the setup scripts enrol it and the gateway reads it back from
// identities.json: one rule for both, so a binding the chaincode would refuse never reaches a
// certificate, and a hand-edited store that contradicts its role is refused at load.

/** The device role an assignment needs: a vehicle's weighing unit or a site's scanner. */
export function deviceRoleFor(assignment: DeviceAssignment): Role {
  return 'vehicleId' in assignment ? Roles.VehicleDevice : Roles.SiteDevice;
}

/** The certificate attribute (name and value) that carries the binding. */
export function deviceAttribute(assignment: DeviceAssignment): { name: string; value: string } {
  return 'vehicleId' in assignment
    ? { name: DEVICE_VEHICLE_ATTRIBUTE, value: assignment.vehicleId }
    : { name: DEVICE_SITE_ATTRIBUTE, value: assignment.siteId };
}

/** A readable description, e.g. `vehicle 粤A12345` or `site LW-ST-001`. */
export function describeDeviceAssignment(assignment: DeviceAssignment): string {
  return 'vehicleId' in assignment ? `vehicle ${assignment.vehicleId}` : `site ${assignment.siteId}`;
}

/** What is wrong with a vehicle id or site id for a device binding; undefined when it is good. */
export function deviceIdProblem(assignment: DeviceAssignment): string | undefined {
  if ('vehicleId' in assignment) {
    return VEHICLE_PLATE_PATTERN.test(assignment.vehicleId) ? undefined : `vehicleId ${VEHICLE_PLATE_RULE}`;
  }
  return SITE_ID_PATTERN.test(assignment.siteId) ? undefined : `siteId ${SITE_ID_RULE}`;
}

/**
 * Checks an identity entry's `device` field against its role: a device role needs exactly its kind
 * of binding, any other role none. Returns the assignment (or undefined), or a problem to report.
 */
export function parseDeviceAssignment(
  role: string,
  raw: unknown,
): { assignment?: DeviceAssignment } | { problem: string } {
  const expected = role === Roles.VehicleDevice ? 'vehicleId' : role === Roles.SiteDevice ? 'siteId' : null;
  if (raw === undefined) {
    return expected === null ? {} : { problem: `a ${role} needs device.${expected}` };
  }
  if (expected === null) return { problem: `only a device role has a device binding, not ${role}` };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problem: 'device must be an object' };
  }
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(record);
  const value = record[expected];
  if (keys.length !== 1 || typeof value !== 'string') {
    return { problem: `device must hold exactly ${expected} (a string) for a ${role}` };
  }
  const assignment: DeviceAssignment = expected === 'vehicleId' ? { vehicleId: value } : { siteId: value };
  const problem = deviceIdProblem(assignment);
  return problem === undefined ? { assignment } : { problem: `device.${problem}` };
}
