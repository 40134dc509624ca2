import { RoleMsp } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { assertRoleForOrg, assertUserName, demoUsers, parseRole, roleMsp, rolesOf } from './roles';

/** The hint of the OperatorError `run` throws (the operator's next step). */
function hintOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OperatorError);
    return (error as OperatorError).hint;
  }
  throw new Error('expected an OperatorError');
}

describe('roles', () => {
  it('grants each role from the same organisation as the chaincode does', () => {
    expect(roleMsp).toEqual(RoleMsp);
  });

  it('lists the demo users of shared/API.md, each with a role its org may grant', () => {
    expect(demoUsers.map((u) => [u.user, u.mspId, u.role])).toEqual([
      ['registry-clerk', 'RegistryMSP', 'registry_clerk'],
      ['tax-officer', 'TaxMSP', 'tax_officer'],
      ['market-clerk', 'MarketMSP', 'market_clerk'],
      ['urban-inspector', 'UrbanMSP', 'urban_inspector'],
      ['station-operator', 'UrbanMSP', 'station_operator'],
      ['hauler', 'UrbanMSP', 'hauler'],
      ['facility-operator', 'UrbanMSP', 'facility_operator'],
    ]);
    for (const user of demoUsers) expect(() => assertRoleForOrg(user.role, user.mspId)).not.toThrow();
  });

  it("refuses a role from the wrong organisation, naming the right one and the org's own roles", () => {
    expect(() => assertRoleForOrg('registry_clerk', 'UrbanMSP')).toThrow(
      'role registry_clerk belongs to RegistryMSP, not UrbanMSP',
    );
    expect(hintOf(() => assertRoleForOrg('hauler', 'TaxMSP'))).toBe(
      'Use --org UrbanMSP, or a role of TaxMSP: tax_officer.',
    );
    expect(hintOf(() => assertRoleForOrg('tax_officer', 'NoSuchMSP'))).toBe(
      'Use --org TaxMSP, or a role of NoSuchMSP: (none).',
    );
  });

  it('parses known roles and lists them all for an unknown one', () => {
    expect(parseRole('hauler')).toBe('hauler');
    expect(() => parseRole('admin')).toThrow(OperatorError);
    expect(hintOf(() => parseRole('clerk'))).toContain('facility_operator (UrbanMSP)');
    expect(rolesOf('UrbanMSP')).toEqual([
      'urban_inspector',
      'station_operator',
      'hauler',
      'facility_operator',
      'vehicle_device',
      'site_device',
    ]);
  });

  it.each(['registry-clerk', 'clerk2', 'a-b-c', 'x'])('accepts the user name %s', (name) => {
    expect(assertUserName(name)).toBe(name);
  });

  it.each([
    undefined,
    '',
    'Clerk',
    '2clerk',
    'clerk-',
    'a--b',
    'a/b',
    '../etc',
    'a b',
    'admin',
    'x'.repeat(65),
  ])('refuses the user name %p', (name) => {
    expect(() => assertUserName(name)).toThrow(OperatorError);
  });
});
