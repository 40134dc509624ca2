import { testCertificate } from '../../test/support/test-certificate';
import { readCertificate, ROLE_ATTRIBUTE } from './certificate';
import { children, DerError, oidContent } from './der';

describe('readCertificate', () => {
  it('reads the common name and the Fabric CA attributes', () => {
    const pem = testCertificate({
      organisation: 'RegistryMSP',
      commonName: 'registry-clerk',
      attributes: {
        [ROLE_ATTRIBUTE]: 'registry_clerk',
        'hf.EnrollmentID': 'registry-clerk',
        'hf.Type': 'client',
      },
    });
    expect(readCertificate(pem)).toEqual({
      commonName: 'registry-clerk',
      attributes: {
        'govtrace.role': 'registry_clerk',
        'hf.EnrollmentID': 'registry-clerk',
        'hf.Type': 'client',
      },
    });
  });

  it('accepts the PEM as bytes, as SerializedIdentity.idBytes holds it', () => {
    const pem = testCertificate({ organisation: 'TaxMSP', commonName: 'tax-officer', attributes: {} });
    expect(readCertificate(Buffer.from(pem)).commonName).toBe('tax-officer');
  });

  it('has no attributes without the extension (cryptogen users) and no name without a CN', () => {
    expect(readCertificate(testCertificate({ organisation: 'UrbanMSP' }))).toEqual({ attributes: {} });
  });

  it.each([
    ['not JSON', 'attrs'],
    ['no attrs object', '{"other":{}}'],
    ['attrs an array', '{"attrs":["x"]}'],
  ])('treats an attribute extension that is %s as no attributes', (_label, raw) => {
    expect(
      readCertificate(testCertificate({ organisation: 'MarketMSP', rawAttributeExtension: raw })).attributes,
    ).toEqual({});
  });

  it('keeps only string attribute values', () => {
    const pem = testCertificate({
      organisation: 'MarketMSP',
      rawAttributeExtension: '{"attrs":{"govtrace.role":"market_clerk","n":1,"o":{}}}',
    });
    expect(readCertificate(pem).attributes).toEqual({ 'govtrace.role': 'market_clerk' });
  });

  it('throws on something that is not a certificate', () => {
    expect(() => readCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toThrow();
  });
});

describe('DER reading', () => {
  it('encodes object identifiers with multi-byte arcs', () => {
    expect(Buffer.from(oidContent('1.2.840.10045.4.3.2')).toString('hex')).toBe('2a8648ce3d040302');
    expect(Buffer.from(oidContent('1.2.3.4.5.6.7.8.1')).toString('hex')).toBe('2a03040506070801');
  });

  it('splits consecutive elements, with long-form lengths', () => {
    const long = Buffer.concat([Buffer.of(0x04, 0x81, 0x80), Buffer.alloc(0x80, 7)]);
    const items = children(Buffer.concat([Buffer.of(0x02, 0x01, 0x05), long]));
    expect(items.map((i) => [i.tag, i.content.length])).toEqual([
      [0x02, 1],
      [0x04, 0x80],
    ]);
  });

  it.each([
    ['a truncated element', Buffer.of(0x30, 0x05, 0x01)],
    ['an indefinite length', Buffer.of(0x30, 0x80, 0x00, 0x00)],
    ['a missing length', Buffer.of(0x30)],
  ])('refuses %s', (_label, bytes) => {
    expect(() => children(bytes)).toThrow(DerError);
  });
});
