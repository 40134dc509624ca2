import { verify, X509Certificate } from 'node:crypto';

/**
 * What we need to know about an X.509 CRL (RFC 5280 §5.1), read with a small
 * DER walker: node has no CRL parser and no ASN.1 library is a dependency.
 * Fabric matches a CRL to a member's issuing CA by its authority key identifier,
 * so that is the CRL's identity here too.
 */
export interface CrlFacts {
  /** keyIdentifier of the authorityKeyIdentifier extension, hex; undefined when the CRL has none. */
  readonly authorityKeyId: string | undefined;
  /** Serial numbers of the revoked certificates, lower-case hex without leading zeros, sorted. */
  readonly revokedSerials: readonly string[];
  /** The signed part (tbsCertList), its signature algorithm OID and the signature, for checking. */
  readonly tbs: Buffer;
  readonly signatureAlgorithm: string;
  readonly signature: Buffer;
}

interface Tlv {
  readonly tag: number;
  /** The whole element, header included. */
  readonly raw: Buffer;
  readonly content: Buffer;
}

function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at];
  const first = der[at + 1];
  if (tag === undefined || first === undefined) throw new Error('CRL: truncated DER');
  let length = first;
  let header = 2;
  if (first >= 0x80) {
    const bytes = first & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('CRL: unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i += 1) length = length * 256 + (der[at + 2 + i] ?? 0);
    header += bytes;
  }
  const end = at + header + length;
  if (end > der.length) throw new Error('CRL: truncated DER');
  return { tag, raw: der.subarray(at, end), content: der.subarray(at + header, end) };
}

function children(parent: Buffer): Tlv[] {
  const items: Tlv[] = [];
  for (let at = 0; at < parent.length;) {
    const item = readTlv(parent, at);
    items.push(item);
    at += item.raw.length;
  }
  return items;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OID = 0x06;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const EXTENSIONS = 0xa0; // crlExtensions [0] EXPLICIT
const KEY_IDENTIFIER = 0x80; // AuthorityKeyIdentifier keyIdentifier [0] IMPLICIT
const TIMES = [0x17, 0x18]; // UTCTime, GeneralizedTime

/** DER of OID 2.5.29.35, authorityKeyIdentifier. */
const authorityKeyIdOid = Buffer.from([0x55, 0x1d, 0x23]);

function must(item: Tlv | undefined, tag: number, what: string): Tlv {
  if (item?.tag !== tag) throw new Error(`CRL: ${what} is missing`);
  return item;
}

/** DER text of an OID's content, dotted (for the signature algorithm). */
function dottedOid(content: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      parts.push(value);
      value = 0;
    }
  }
  const [first = 0, ...rest] = parts;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

const serialHex = (content: Buffer): string => content.toString('hex').replace(/^0+(?=.)/, '');

function authorityKeyIdIn(extensions: Tlv | undefined): string | undefined {
  if (!extensions) return undefined;
  for (const extension of children(must(children(extensions.content)[0], SEQUENCE, 'extensions').content)) {
    const [id, ...rest] = children(extension.content);
    if (id?.tag !== OID || !id.content.equals(authorityKeyIdOid)) continue;
    const value = rest.find((item) => item.tag === OCTET_STRING);
    const aki = must(value, OCTET_STRING, 'authorityKeyIdentifier value');
    const fields = children(must(readTlv(aki.content, 0), SEQUENCE, 'AuthorityKeyIdentifier').content);
    return fields.find((field) => field.tag === KEY_IDENTIFIER)?.content.toString('hex');
  }
  return undefined;
}

/** Parses a CRL given as PEM text or DER bytes. Throws on anything that is not a CRL. */
export function crlFacts(crl: Buffer | string): CrlFacts {
  const der = toDer(crl);
  const [tbs, algorithm, signature] = children(must(readTlv(der, 0), SEQUENCE, 'CertificateList').content);
  const tbsItem = must(tbs, SEQUENCE, 'tbsCertList');
  const fields = children(tbsItem.content);
  let at = fields[0]?.tag === INTEGER ? 1 : 0; // version, present in v2 CRLs
  must(fields[at++], SEQUENCE, 'signature algorithm');
  must(fields[at++], SEQUENCE, 'issuer');
  if (!TIMES.includes(fields[at++]?.tag ?? -1)) throw new Error('CRL: thisUpdate is missing');
  if (TIMES.includes(fields[at]?.tag ?? -1)) at += 1; // nextUpdate
  const revoked = fields[at]?.tag === SEQUENCE ? fields[at++] : undefined;
  const extensions = fields[at]?.tag === EXTENSIONS ? fields[at] : undefined;
  const serials = revoked
    ? children(revoked.content).map((entry) =>
        serialHex(must(children(entry.content)[0], INTEGER, 'revoked serial').content),
      )
    : [];
  const signatureBits = must(signature, BIT_STRING, 'signature');
  return {
    authorityKeyId: authorityKeyIdIn(extensions),
    revokedSerials: [...new Set(serials)].sort(),
    tbs: tbsItem.raw,
    signatureAlgorithm: dottedOid(
      must(children(must(algorithm, SEQUENCE, 'signature algorithm').content)[0], OID, 'algorithm').content,
    ),
    // the first content byte of a BIT STRING counts its unused bits (0 for signatures)
    signature: signatureBits.content.subarray(1),
  };
}

function toDer(crl: Buffer | string): Buffer {
  const text = typeof crl === 'string' ? crl : crl.toString('latin1');
  const pem = /-----BEGIN X509 CRL-----([^-]+)-----END X509 CRL-----/.exec(text);
  if (pem?.[1] !== undefined) return Buffer.from(pem[1].replace(/\s+/g, ''), 'base64');
  if (typeof crl === 'string') throw new Error('CRL: no PEM block "X509 CRL" in the text');
  return crl;
}

const hashOf: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.3.2': 'sha256', // ecdsa-with-SHA256 (cryptogen's and Fabric CA's default)
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12': 'sha384',
};

/**
 * True when `caPem`'s key signed the CRL and its subject key identifier is the
 * CRL's authority key identifier: the two checks Fabric makes before it uses a
 * CRL. A CRL that fails them is ignored by the peers (revoking nobody).
 */
export function crlIssuedBy(facts: CrlFacts, caPem: Buffer | string): boolean {
  const ca = new X509Certificate(caPem);
  const ski = subjectKeyIdOf(ca);
  return ski !== undefined && ski === facts.authorityKeyId && crlSignedBy(facts, ca);
}

/** True when the CA's key made the CRL's signature (with a hash this reader knows). */
export function crlSignedBy(facts: CrlFacts, ca: X509Certificate): boolean {
  const hash = hashOf[facts.signatureAlgorithm];
  try {
    return hash !== undefined && verify(hash, facts.tbs, ca.publicKey, facts.signature);
  } catch {
    return false;
  }
}

/** A certificate serial number as CrlFacts.revokedSerials lists them: lower-case hex, no leading zeros. */
export const serialKey = (serialNumberHex: string): string =>
  serialNumberHex.toLowerCase().replace(/^0+(?=.)/, '');

/** DER of OID 2.5.29.14, subjectKeyIdentifier. */
const subjectKeyIdOid = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e]);

/** The certificate's subject key identifier extension, lower-case hex; undefined when it has none. */
export function subjectKeyIdOf(cert: X509Certificate): string | undefined {
  const der = cert.raw;
  const at = der.indexOf(subjectKeyIdOid);
  if (at < 0) return undefined;
  let next = at + subjectKeyIdOid.length;
  if (der[next] === 0x01) next += 3; // critical BOOLEAN
  const value = readTlv(der, next);
  if (value.tag !== OCTET_STRING) return undefined;
  const keyId = readTlv(value.content, 0);
  return keyId.tag === OCTET_STRING ? keyId.content.toString('hex') : undefined;
}
