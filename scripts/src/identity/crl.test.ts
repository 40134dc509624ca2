import { X509Certificate } from 'node:crypto';
import { crlFacts, crlIssuedBy } from './crl';
import { newTestCa, type TestCa } from './testing/openssl-crl';

const derOf = (pem: string): Buffer =>
  Buffer.from(pem.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64');

describe('crlFacts and crlIssuedBy on CRLs made by openssl', () => {
  let ca: TestCa;
  let other: TestCa;
  beforeAll(() => {
    ca = newTestCa('ca.registry.test');
    other = newTestCa('ca.registry.test'); // same name, another key: another CA to Fabric
  });
  afterAll(() => {
    ca.remove();
    other.remove();
  });

  it("reads the revoked serials (sorted, no leading zeros) and the CA's key identifier", () => {
    const facts = crlFacts(ca.crl(['0A', '01F3', 'FF']));
    expect(facts.revokedSerials).toEqual(['1f3', 'a', 'ff']);
    expect(ca.subjectKeyId).toMatch(/^[0-9a-f]{40}$/);
    expect(facts.authorityKeyId).toBe(ca.subjectKeyId);
    expect(facts.signatureAlgorithm).toBe('1.2.840.10045.4.3.2');
  });

  it('reads the same facts from DER as from PEM', () => {
    const pem = ca.crl(['1234']);
    const fromDer = crlFacts(derOf(pem));
    expect(fromDer.revokedSerials).toEqual(['1234']);
    expect(fromDer.authorityKeyId).toBe(crlFacts(pem).authorityKeyId);
    expect(crlFacts(Buffer.from(pem, 'utf8')).revokedSerials).toEqual(['1234']);
  });

  it('reads a CRL that revokes nothing, and one without the authority key identifier (v1)', () => {
    expect(crlFacts(ca.crl([])).revokedSerials).toEqual([]);
    const bare = crlFacts(ca.crl(['0B'], { withAki: false }));
    expect(bare.authorityKeyId).toBeUndefined();
    expect(bare.revokedSerials).toEqual(['b']);
  });

  it('accepts the signing CA only: not another key under the same name, not a changed CRL', () => {
    const pem = ca.crl(['0A']);
    expect(crlIssuedBy(crlFacts(pem), ca.certPem)).toBe(true);
    expect(crlIssuedBy(crlFacts(pem), other.certPem)).toBe(false);
    const der = derOf(pem);
    const tampered = Buffer.from(der);
    const at = der.indexOf(Buffer.from([0x02, 0x01, 0x0a])); // the revoked serial INTEGER 0x0a
    expect(at).toBeGreaterThan(0);
    tampered[at + 2] = 0x0c;
    const facts = crlFacts(tampered);
    expect(facts.revokedSerials).toEqual(['c']);
    expect(crlIssuedBy(facts, ca.certPem)).toBe(false);
  });

  it('does not accept a CRL without the key identifier, even from its own CA (Fabric could not match it)', () => {
    expect(crlIssuedBy(crlFacts(ca.crl(['0A'], { withAki: false })), ca.certPem)).toBe(false);
  });

  it('refuses what is not a CRL', () => {
    expect(() => crlFacts('not a crl')).toThrow(/no PEM block/);
    expect(() => crlFacts(Buffer.from([0x30, 0x05, 0x02]))).toThrow(/truncated/);
    expect(() => crlFacts(new X509Certificate(ca.certPem).raw)).toThrow(/CRL:/);
  });
});
