// Access control by the submitter's MSP and the `govtrace.role` attribute that the organisation's
// Fabric CA writes into the enrolment certificate. Both checks are needed: each organisation runs its
// own CA, so a certificate from UrbanMSP could claim `registry_clerk`; the role only counts when the
// certificate was issued by the MSP that owns that role.

import { type Context } from 'fabric-contract-api';
import { ForbiddenError } from './errors';

/** The certificate attribute holding the role (register users with `govtrace.role=<role>:ecert`). */
export const ROLE_ATTRIBUTE = 'govtrace.role';

/** MSP ids of the four peer organisations on the channel. */
export const OrgMsps = {
  Registry: 'RegistryMSP',
  Market: 'MarketMSP',
  Tax: 'TaxMSP',
  Urban: 'UrbanMSP',
} as const;

export type OrgMsp = (typeof OrgMsps)[keyof typeof OrgMsps];

export const Roles = {
  RegistryClerk: 'registry_clerk',
  TaxOfficer: 'tax_officer',
  MarketClerk: 'market_clerk',
  UrbanInspector: 'urban_inspector',
  StationOperator: 'station_operator',
  Hauler: 'hauler',
  FacilityOperator: 'facility_operator',
  /** The registry's service identity (the gateway's), not a person: only it answers holder checks. */
  RegistryVerifier: 'registry_verifier',
  /**
   * A device, not a person: a truck's weighing and identification unit. Its certificate also names the
   * vehicle it is fitted to (DEVICE_VEHICLE_ATTRIBUTE), and it may only report for that vehicle.
   */
  VehicleDevice: 'vehicle_device',
  /**
   * A device at a site: a station's bag scanner or a transfer station's or facility's weighbridge. Its
   * certificate names the site (DEVICE_SITE_ATTRIBUTE), and it may only report for that site.
   */
  SiteDevice: 'site_device',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];

/** The one MSP whose CA may grant each role. */
export const RoleMsp: Readonly<Record<Role, OrgMsp>> = {
  registry_clerk: OrgMsps.Registry,
  tax_officer: OrgMsps.Tax,
  market_clerk: OrgMsps.Market,
  urban_inspector: OrgMsps.Urban,
  station_operator: OrgMsps.Urban,
  hauler: OrgMsps.Urban,
  facility_operator: OrgMsps.Urban,
  registry_verifier: OrgMsps.Registry,
  vehicle_device: OrgMsps.Urban,
  site_device: OrgMsps.Urban,
};

/** Certificate attribute naming the vehicle a vehicle_device is fitted to (its plate or fleet id). */
export const DEVICE_VEHICLE_ATTRIBUTE = 'govtrace.vehicle';
/** Certificate attribute naming the site a site_device belongs to. */
export const DEVICE_SITE_ATTRIBUTE = 'govtrace.site';

/** The roles held by devices rather than people: what they sign is recorded as device-reported. */
export const DeviceRoles: readonly Role[] = [Roles.VehicleDevice, Roles.SiteDevice];

/** Who submitted the transaction, for recording on the ledger. */
export interface SubmitterIdentity {
  readonly mspId: string;
  /** The role, or null when the certificate has none that its MSP may grant. */
  readonly role: Role | null;
  /** Fabric's `x509::<subject DN>::<issuer DN>` id, unique within the MSP. */
  readonly id: string;
}

export interface AuthorisedSubmitter extends SubmitterIdentity {
  readonly role: Role;
}

const roleValues: ReadonlySet<string> = new Set<string>(Object.values(Roles));
const orgMspValues: ReadonlySet<string> = new Set<string>(Object.values(OrgMsps));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roleValues.has(value);
}

export function isOrgMsp(value: unknown): value is OrgMsp {
  return typeof value === 'string' && orgMspValues.has(value);
}

export function submitterIdentity(ctx: Context): SubmitterIdentity {
  const mspId = ctx.clientIdentity.getMSPID();
  const claimed = ctx.clientIdentity.getAttributeValue(ROLE_ATTRIBUTE);
  const role = isRole(claimed) && RoleMsp[claimed] === mspId ? claimed : null;
  return { mspId, role, id: ctx.clientIdentity.getID() };
}

/** Any member of one of the four peer organisations, role or not. */
export function requireMember(ctx: Context): SubmitterIdentity {
  const identity = submitterIdentity(ctx);
  if (!isOrgMsp(identity.mspId)) {
    throw new ForbiddenError(`MSP ${identity.mspId} is not a member organisation of this channel`, [
      { field: 'mspId', message: `expected one of ${[...orgMspValues].join(', ')}` },
    ]);
  }
  return identity;
}

/**
 * The submitter must hold one of `allowed`, granted by the MSP that owns that role.
 * The error names what was found, so a misconfigured enrolment is easy to diagnose.
 */
export function requireRole(ctx: Context, ...allowed: [Role, ...Role[]]): AuthorisedSubmitter {
  const mspId = ctx.clientIdentity.getMSPID();
  const claimed = ctx.clientIdentity.getAttributeValue(ROLE_ATTRIBUTE);
  const expected = `requires role ${allowed.join(' or ')}`;
  if (claimed === null) {
    throw new ForbiddenError(`${expected}; the ${mspId} certificate has no ${ROLE_ATTRIBUTE} attribute`, [
      { field: ROLE_ATTRIBUTE, message: 'missing' },
    ]);
  }
  if (!isRole(claimed)) {
    throw new ForbiddenError(
      `${expected}; ${ROLE_ATTRIBUTE} '${claimed}' from ${mspId} is not a known role`,
      [{ field: ROLE_ATTRIBUTE, message: `unknown role '${claimed}'` }],
    );
  }
  if (RoleMsp[claimed] !== mspId) {
    throw new ForbiddenError(`${expected}; role ${claimed} is granted by ${RoleMsp[claimed]}, not ${mspId}`, [
      { field: 'mspId', message: `role ${claimed} belongs to ${RoleMsp[claimed]}` },
    ]);
  }
  if (!allowed.includes(claimed)) {
    throw new ForbiddenError(`${expected}; submitter is ${claimed} of ${mspId}`, [
      { field: ROLE_ATTRIBUTE, message: `role ${claimed} is not allowed` },
    ]);
  }
  return { mspId, role: claimed, id: ctx.clientIdentity.getID() };
}

/** What a device's certificate binds it to; undefined for a person. */
export type DeviceBinding =
  | { readonly kind: 'vehicle'; readonly vehicleId: string }
  | { readonly kind: 'site'; readonly siteId: string };

/**
 * The vehicle or site a device submitter belongs to, read from its certificate. A device certificate
 * without its binding attribute is refused: it could otherwise report for any vehicle or site.
 */
export function deviceBinding(ctx: Context, submitter: AuthorisedSubmitter): DeviceBinding | undefined {
  if (submitter.role === Roles.VehicleDevice) {
    return { kind: 'vehicle', vehicleId: requireAttribute(ctx, DEVICE_VEHICLE_ATTRIBUTE) };
  }
  if (submitter.role === Roles.SiteDevice) {
    return { kind: 'site', siteId: requireAttribute(ctx, DEVICE_SITE_ATTRIBUTE) };
  }
  return undefined;
}

function requireAttribute(ctx: Context, name: string): string {
  const value = ctx.clientIdentity.getAttributeValue(name);
  if (value === null || value === '') {
    throw new ForbiddenError(`the device certificate has no ${name} attribute`, [
      { field: name, message: 'missing' },
    ]);
  }
  return value;
}
