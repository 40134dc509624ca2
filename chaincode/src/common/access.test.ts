import { InMemoryLedger, identityForRole, newTestIdentity, type TestIdentity } from '../testing';
import {
  OrgMsps,
  type Role,
  RoleMsp,
  Roles,
  ROLE_ATTRIBUTE,
  requireMember,
  requireRole,
  submitterIdentity,
} from './access';
import { type ChaincodeError, ForbiddenError, parseChaincodeErrorMessage } from './errors';

const ledger = new InMemoryLedger();
const contextOf = (identity: TestIdentity) => ledger.newTransaction({ identity }).ctx;

function forbiddenReason(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(parseChaincodeErrorMessage((error as ChaincodeError).message)?.code).toBe('FORBIDDEN');
    return (error as ChaincodeError).reason;
  }
  throw new Error('expected a ForbiddenError');
}

const allRoles = Object.values(Roles);

describe('role to MSP mapping', () => {
  it.each<[Role, string]>([
    ['registry_clerk', 'RegistryMSP'],
    ['tax_officer', 'TaxMSP'],
    ['market_clerk', 'MarketMSP'],
    ['urban_inspector', 'UrbanMSP'],
    ['station_operator', 'UrbanMSP'],
    ['hauler', 'UrbanMSP'],
    ['facility_operator', 'UrbanMSP'],
    ['registry_verifier', 'RegistryMSP'],
    ['vehicle_device', 'UrbanMSP'],
    ['site_device', 'UrbanMSP'],
  ])('%s belongs to %s', (role, msp) => {
    expect(RoleMsp[role]).toBe(msp);
  });
});

describe('requireRole', () => {
  it.each(allRoles)('accepts %s from its own MSP and reports who acted', (role) => {
    const submitter = requireRole(contextOf(identityForRole(role, 'alice')), role);
    expect(submitter).toEqual({
      mspId: RoleMsp[role],
      role,
      id: `x509::/O=${RoleMsp[role]}/OU=client/CN=alice::/O=${RoleMsp[role]}/OU=ca/CN=ca.${RoleMsp[role].toLowerCase()}`,
    });
  });

  it('accepts any of several allowed roles', () => {
    const ctx = contextOf(identityForRole(Roles.Hauler));
    expect(requireRole(ctx, Roles.StationOperator, Roles.Hauler).role).toBe('hauler');
  });

  it.each(allRoles)('rejects %s when a different role is required', (role) => {
    const other = allRoles.find((candidate) => candidate !== role) ?? Roles.Hauler;
    expect(forbiddenReason(() => requireRole(contextOf(identityForRole(role)), other))).toBe(
      `requires role ${other}; submitter is ${role} of ${RoleMsp[role]}`,
    );
  });

  it('rejects a role claimed in a certificate from the wrong MSP', () => {
    // UrbanMSP's CA issued a certificate claiming a registry role: the role does not count.
    const impostor = newTestIdentity({
      mspId: OrgMsps.Urban,
      attributes: { [ROLE_ATTRIBUTE]: Roles.RegistryClerk },
    });
    expect(forbiddenReason(() => requireRole(contextOf(impostor), Roles.RegistryClerk))).toBe(
      'requires role registry_clerk; role registry_clerk is granted by RegistryMSP, not UrbanMSP',
    );
  });

  it('rejects a certificate without the role attribute', () => {
    const noRole = newTestIdentity({ mspId: OrgMsps.Tax });
    expect(forbiddenReason(() => requireRole(contextOf(noRole), Roles.TaxOfficer))).toBe(
      'requires role tax_officer; the TaxMSP certificate has no govtrace.role attribute',
    );
  });

  it('rejects an empty role attribute like a missing one', () => {
    const empty = newTestIdentity({ mspId: OrgMsps.Tax, attributes: { [ROLE_ATTRIBUTE]: '' } });
    expect(forbiddenReason(() => requireRole(contextOf(empty), Roles.TaxOfficer))).toContain(
      'has no govtrace.role',
    );
  });

  it('rejects an unknown role', () => {
    const admin = newTestIdentity({ mspId: OrgMsps.Registry, attributes: { [ROLE_ATTRIBUTE]: 'admin' } });
    expect(forbiddenReason(() => requireRole(contextOf(admin), Roles.RegistryClerk))).toBe(
      "requires role registry_clerk; govtrace.role 'admin' from RegistryMSP is not a known role",
    );
  });

  it('names the MSP and role found in the error details', () => {
    try {
      requireRole(contextOf(identityForRole(Roles.StationOperator)), Roles.RegistryClerk);
    } catch (error) {
      expect((error as ChaincodeError).details).toEqual([
        { field: 'govtrace.role', message: 'role station_operator is not allowed' },
      ]);
    }
    expect.assertions(1);
  });
});

describe('submitterIdentity', () => {
  it('reports the role when its MSP grants it', () => {
    expect(submitterIdentity(contextOf(identityForRole(Roles.MarketClerk))).role).toBe('market_clerk');
  });

  it('reports no role for a missing, unknown or foreign role', () => {
    const identities = [
      newTestIdentity({ mspId: OrgMsps.Market }),
      newTestIdentity({ mspId: OrgMsps.Market, attributes: { [ROLE_ATTRIBUTE]: 'superuser' } }),
      newTestIdentity({ mspId: OrgMsps.Market, attributes: { [ROLE_ATTRIBUTE]: Roles.TaxOfficer } }),
    ];
    for (const identity of identities) {
      expect(submitterIdentity(contextOf(identity))).toMatchObject({ mspId: 'MarketMSP', role: null });
    }
  });
});

describe('requireMember', () => {
  it.each(Object.values(OrgMsps))('accepts any member of %s, with or without a role', (mspId) => {
    expect(requireMember(contextOf(newTestIdentity({ mspId }))).mspId).toBe(mspId);
  });

  it('rejects an MSP that is not one of the four organisations', () => {
    expect(forbiddenReason(() => requireMember(contextOf(newTestIdentity({ mspId: 'OrdererMSP' }))))).toBe(
      'MSP OrdererMSP is not a member organisation of this channel',
    );
  });
});
