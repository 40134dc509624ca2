import { X509Certificate } from 'node:crypto';

import { children, oidContent } from './der';

/** Fabric CA puts enrolment attributes in this extension, as JSON {"attrs":{"name":"value",…}}. */
const FABRIC_ATTRIBUTES_OID = oidContent('1.2.3.4.5.6.7.8.1');

export const ROLE_ATTRIBUTE = 'govtrace.role';

const TAG = { sequence: 0x30, oid: 0x06, octetString: 0x04, extensions: 0xa3 } as const;

export interface CertificateFacts {
  /** The subject's common name, if any. */
  readonly commonName?: string;
  /** Fabric CA attributes (hf.EnrollmentID, govtrace.role, …); empty when there are none. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The facts govtrace reads from an X.509 certificate (PEM or DER). Throws if it is not one. */
export function readCertificate(certificate: string | Uint8Array): CertificateFacts {
  const x509 = new X509Certificate(typeof certificate === 'string' ? certificate : Buffer.from(certificate));
  const commonName = commonNameOf(x509.subject);
  return {
    ...(commonName !== undefined && { commonName }),
    attributes: fabricAttributes(x509.raw),
  };
}

/** Node writes the subject one attribute per line ("O=RegistryMSP\nCN=registry-clerk"). */
function commonNameOf(subject: string): string | undefined {
  const line = subject.split('\n').find((l) => l.startsWith('CN='));
  return line === undefined ? undefined : line.slice('CN='.length);
}

/**
 * Certificate ::= SEQUENCE { tbsCertificate, … }; the extensions are the [3] member of
 * tbsCertificate; each Extension ::= SEQUENCE { extnID OID, critical BOOLEAN OPTIONAL, extnValue OCTET STRING }.
 */
function fabricAttributes(der: Uint8Array): Record<string, string> {
  const [certificate] = children(der);
  const [tbs] = certificate?.tag === TAG.sequence ? children(certificate.content) : [];
  if (tbs?.tag !== TAG.sequence) return {};
  const extensions = children(tbs.content).find((member) => member.tag === TAG.extensions);
  const [list] = extensions === undefined ? [] : children(extensions.content);
  for (const extension of list?.tag === TAG.sequence ? children(list.content) : []) {
    const members = children(extension.content);
    const id = members[0];
    const value = members[members.length - 1];
    if (
      id?.tag === TAG.oid &&
      sameBytes(id.content, FABRIC_ATTRIBUTES_OID) &&
      value?.tag === TAG.octetString
    ) {
      return parseAttributes(Buffer.from(value.content).toString('utf8'));
    }
  }
  return {};
}

/** Only string values are kept; an extension that is not the expected JSON counts as no attributes. */
function parseAttributes(json: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const attrs = typeof raw === 'object' && raw !== null ? (raw as { attrs?: unknown }).attrs : undefined;
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return {};
  return Object.fromEntries(
    Object.entries(attrs as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
