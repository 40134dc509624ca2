import { type DeviceAssignment } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';

/**
 * Which organisation may grant each role. The chaincode enforces the same table
 * (chaincode/src/common/access.ts, `RoleMsp`; a test keeps the two equal): a
 * role only counts when the certificate comes from the MSP that owns it, so
 * enrolling a `registry_clerk` at UrbanMSP's CA would give a useless identity.
 */
export const roleMsp = {
  registry_clerk: 'RegistryMSP',
  tax_officer: 'TaxMSP',
  market_clerk: 'MarketMSP',
  urban_inspector: 'UrbanMSP',
  station_operator: 'UrbanMSP',
  hauler: 'UrbanMSP',
  facility_operator: 'UrbanMSP',
  registry_verifier: 'RegistryMSP',
  vehicle_device: 'UrbanMSP',
  site_device: 'UrbanMSP',
} as const;

export type Role = keyof typeof roleMsp;

export interface UserSpec {
  readonly user: string;
  readonly mspId: string;
  readonly role: Role;
  /** A service identity of the gateway, not a person: no API token is issued for it. */
  readonly service?: true;
  /** A device identity's binding (devices-command.ts), written into its certificate. */
  readonly device?: DeviceAssignment;
}

/** The demo users of shared/API.md ("Identity and tokens"), provisioned by `network up`. */
export const demoUsers: readonly UserSpec[] = [
  { user: 'registry-clerk', mspId: 'RegistryMSP', role: 'registry_clerk' },
  { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' },
  { user: 'market-clerk', mspId: 'MarketMSP', role: 'market_clerk' },
  { user: 'urban-inspector', mspId: 'UrbanMSP', role: 'urban_inspector' },
  { user: 'station-operator', mspId: 'UrbanMSP', role: 'station_operator' },
  { user: 'hauler', mspId: 'UrbanMSP', role: 'hauler' },
  { user: 'facility-operator', mspId: 'UrbanMSP', role: 'facility_operator' },
];

/**
 * The gateway's own identities, provisioned by `network up` beside the demo users. The holder
 * verifier is the only identity the chaincode lets evaluate GetHolderMatch; the gateway acts as it
 * for the public holder check, so no person (and no token) ever holds that role.
 */
export const serviceUsers: readonly UserSpec[] = [
  { user: 'holder-verifier', mspId: 'RegistryMSP', role: 'registry_verifier', service: true },
];

const roles = Object.keys(roleMsp) as Role[];

export function isRole(value: string): value is Role {
  return (roles as string[]).includes(value);
}

export function parseRole(value: string | undefined): Role {
  if (value === undefined || !isRole(value)) {
    throw new OperatorError(
      `unknown role ${JSON.stringify(value ?? '')}`,
      `Roles: ${roles.map((role) => `${role} (${roleMsp[role]})`).join(', ')}.`,
    );
  }
  return value;
}

/** Refuses a role the organisation cannot grant, naming the organisation that can. */
export function assertRoleForOrg(role: Role, mspId: string): void {
  if (roleMsp[role] !== mspId) {
    throw new OperatorError(
      `role ${role} belongs to ${roleMsp[role]}, not ${mspId}: the chaincode only honours a role from the MSP that owns it`,
      `Use --org ${roleMsp[role]}, or a role of ${mspId}: ${rolesOf(mspId).join(', ') || '(none)'}.`,
    );
  }
}

export function rolesOf(mspId: string): Role[] {
  return roles.filter((role) => roleMsp[role] === mspId);
}

/**
 * A user name is a CA enrollment ID, a folder name and a key of the tokens file:
 * lower-case letters, digits and inner hyphens keep it safe in all three.
 */
export function assertUserName(user: string | undefined): string {
  if (user === undefined || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(user) || user.length > 64) {
    throw new OperatorError(
      `invalid user name ${JSON.stringify(user ?? '')}`,
      'Use lower-case letters, digits and single hyphens, starting with a letter (at most 64 characters), e.g. registry-clerk-2.',
    );
  }
  if (user === 'admin') {
    throw new OperatorError('"admin" is the CAs\' bootstrap administrator, not an API user');
  }
  return user;
}
