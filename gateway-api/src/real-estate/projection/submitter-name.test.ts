import { subjectCommonName } from './submitter-name';

describe('subjectCommonName', () => {
  it.each<[string, string | null]>([
    ['x509::/O=TaxMSP/OU=client/CN=tax-officer::/O=TaxMSP/OU=ca/CN=ca.taxmsp', 'tax-officer'],
    [
      'x509::/C=CN/ST=Guangdong/L=Guangzhou/OU=client/CN=registry-clerk::/C=CN/CN=ca.registry',
      'registry-clerk',
    ],
    // the subject's CN, never the issuer's
    ['x509::/O=RegistryMSP/OU=client::/O=RegistryMSP/CN=ca.registry', null],
    // a CN followed by other attributes, and a slash in a value as fabric-shim escapes it
    ['x509::/CN=clerk 7/OU=client::/CN=ca', 'clerk 7'],
    ['x509::/OU=a\\/b/CN=x\\/y::/CN=ca', 'x/y'],
    ['x509::/CN=::/CN=ca', null],
    [`x509::/CN=${'a'.repeat(65)}::/CN=ca`, null],
    ['not a fabric id', null],
  ])('%s → %p', (id, name) => {
    expect(subjectCommonName(id)).toBe(name);
  });
});
