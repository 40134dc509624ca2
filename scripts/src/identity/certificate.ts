import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';

/**
 * Facts about an enrolled user's certificate, read with node's X509Certificate
 * (no openssl needed at run time).
 */

/** DER of OID 1.2.3.4.5.6.7.8.1, where Fabric CA puts the enrollment attributes as JSON. */
const attributeOid = Buffer.from([0x06, 0x08, 0x2a, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x01]);

function derLength(der: Buffer, at: number): { length: number; next: number } | undefined {
  const first = der[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, next: at + 1 };
  const bytes = first & 0x7f;
  if (bytes === 0 || bytes > 3) return undefined;
  let length = 0;
  for (let i = 1; i <= bytes; i += 1) length = length * 256 + (der[at + i] ?? 0);
  return { length, next: at + 1 + bytes };
}

/**
 * The `attrs` object of the Fabric CA attribute extension, e.g.
 * `{ "govtrace.role": "registry_clerk", "hf.EnrollmentID": … }`; undefined when absent.
 * The extension is `OID [critical BOOLEAN] OCTET STRING(json)`.
 */
export function certificateAttributes(pem: string | Buffer): Record<string, string> | undefined {
  const der = new X509Certificate(pem).raw;
  const oidAt = der.indexOf(attributeOid);
  if (oidAt < 0) return undefined;
  let at = oidAt + attributeOid.length;
  if (der[at] === 0x01) at += 3; // BOOLEAN critical flag: 01 01 ff
  if (der[at] !== 0x04) return undefined;
  const length = derLength(der, at + 1);
  if (!length) return undefined;
  const json = der.subarray(length.next, length.next + length.length).toString('utf8');
  const parsed = JSON.parse(json) as { attrs?: Record<string, string> };
  return parsed.attrs;
}

/** The OU values of the subject (Fabric CA puts the identity type there: client, peer, admin…). */
export function organizationalUnits(pem: string | Buffer): string[] {
  return new X509Certificate(pem).subject
    .split('\n')
    .filter((line) => line.startsWith('OU='))
    .map((line) => line.slice(3));
}

/**
 * True when `caPem` signed the certificate and it is valid now. A certificate
 * from a CA that no longer exists (after `down --purge` made new crypto) is not.
 */
export function isCurrentlyIssuedBy(pem: string | Buffer, caPem: string | Buffer, now = new Date()): boolean {
  const cert = new X509Certificate(pem);
  const ca = new X509Certificate(caPem);
  return (
    cert.checkIssued(ca) &&
    cert.verify(ca.publicKey) &&
    new Date(cert.validFrom) <= now &&
    now < new Date(cert.validTo)
  );
}

/** True when the private key belongs to the certificate (a pair half-replaced by a crash is not). */
export function keyMatchesCertificate(pem: string | Buffer, keyPem: string | Buffer): boolean {
  const spki = { type: 'spki', format: 'der' } as const;
  const fromKey = createPublicKey(createPrivateKey(keyPem)).export(spki);
  return fromKey.equals(new X509Certificate(pem).publicKey.export(spki));
}
