import { testCertificate } from '../../test/support/test-certificate';
import * as certificate from './certificate';
import { CreatorRoles } from './creator-roles';

const withRole = (role: string): Uint8Array =>
  Buffer.from(
    testCertificate({ organisation: 'UrbanMSP', attributes: { [certificate.ROLE_ATTRIBUTE]: role } }),
  );

describe('CreatorRoles', () => {
  afterEach(() => jest.restoreAllMocks());

  it("reads a certificate's govtrace.role once, however often it is asked", () => {
    const parse = jest.spyOn(certificate, 'readCertificate');
    const roles = new CreatorRoles();
    const operator = withRole('station_operator');
    expect(roles.roleOf(operator)).toBe('station_operator');
    expect(roles.roleOf(Uint8Array.from(operator))).toBe('station_operator'); // equal bytes, another array
    expect(roles.roleOf(withRole('inspector'))).toBe('inspector');
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('has no role for a certificate without one or for bytes that are not a certificate', () => {
    const roles = new CreatorRoles();
    expect(roles.roleOf(Buffer.from(testCertificate({ organisation: 'MarketMSP' })))).toBeUndefined();
    expect(roles.roleOf(Buffer.of(1, 2, 3))).toBeUndefined();
    expect(roles.roleOf(Buffer.of(1, 2, 3))).toBeUndefined(); // remembered as "none"
  });

  it('forgets everything when full, and still answers correctly', () => {
    const parse = jest.spyOn(certificate, 'readCertificate');
    const roles = new CreatorRoles(2);
    const [a, b, c] = ['a', 'b', 'c'].map(withRole);
    for (const bytes of [a, b, c, a]) roles.roleOf(bytes as Uint8Array);
    expect(roles.roleOf(c as Uint8Array)).toBe('c');
    // a, b, then c clears the memo; a is parsed again; c was remembered after the clear
    expect(parse).toHaveBeenCalledTimes(4);
  });
});
