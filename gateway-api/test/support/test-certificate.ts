import { generateKeyPairSync, sign } from 'node:crypto';

import { oidContent } from '../../src/fabric/der';

// Test-only: X.509 certificates shaped like Fabric CA's enrolment certificates (the attributes
// travel as JSON {"attrs":{…}} in extension 1.2.3.4.5.6.7.8.1), built with a minimal DER writer.

/** A DER element: tag, shortest-form length (up to 64 KiB), content. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  const length =
    content.length < 0x80
      ? Buffer.of(content.length)
      : content.length < 0x100
        ? Buffer.of(0x81, content.length)
        : Buffer.of(0x82, content.length >> 8, content.length & 0xff);
  return Buffer.concat([Buffer.of(tag), length, content]);
}

const seq = (...items: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
const oid = (dotted: string): Buffer => tlv(0x06, oidContent(dotted));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const utcTime = (text: string): Buffer => tlv(0x17, Buffer.from(text, 'ascii'));
const name = (parts: Record<string, string>): Buffer =>
  seq(...Object.entries(parts).map(([type, value]) => tlv(0x31, seq(oid(type), utf8(value)))));

const OID = {
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  fabricAttributes: '1.2.3.4.5.6.7.8.1',
} as const;

export interface TestCertificateOptions {
  readonly organisation: string;
  readonly commonName?: string;
  /** Fabric CA attributes; without them the certificate has no attribute extension (like cryptogen's). */
  readonly attributes?: Record<string, string>;
  /** Raw content of the attribute extension, to test malformed ones. */
  readonly rawAttributeExtension?: string;
}

const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** A PEM certificate (self-issued, validity fixed in 2026–2036 so tests never depend on the clock). */
export function testCertificate(options: TestCertificateOptions): string {
  const subject: Record<string, string> = {
    [OID.organisation]: options.organisation,
    [OID.organisationalUnit]: 'client',
  };
  if (options.commonName !== undefined) subject[OID.commonName] = options.commonName;
  const extensions: Buffer[] = [
    // a standard extension first, so the walk must skip one to find Fabric's
    seq(oid(OID.basicConstraints), tlv(0x01, Buffer.of(0xff)), tlv(0x04, seq())),
  ];
  const attributeJson =
    options.rawAttributeExtension ??
    (options.attributes === undefined ? undefined : JSON.stringify({ attrs: options.attributes }));
  if (attributeJson !== undefined) {
    extensions.push(seq(oid(OID.fabricAttributes), tlv(0x04, Buffer.from(attributeJson, 'utf8'))));
  }
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.of(2))), // v3
    tlv(0x02, Buffer.of(0x01, 0x23)),
    algorithm,
    name({ [OID.organisation]: options.organisation, [OID.commonName]: `ca.${options.organisation}` }),
    seq(utcTime('260101000000Z'), utcTime('360101000000Z')),
    name(subject),
    key.publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(...extensions)),
  );
  const signature = tlv(0x03, Buffer.concat([Buffer.of(0), sign('sha256', tbs, key.privateKey)]));
  const der = seq(tbs, algorithm, signature);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
