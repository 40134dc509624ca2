// Real X.509 enrolment certificates for unit tests, shaped like those Fabric CA issues: the role
// travels in the attribute extension (OID 1.2.3.4.5.6.7.8.1, JSON {"attrs":{...}}). Tests then use
// fabric-shim's own ClientIdentity to read MSP id, id and attributes, as the peer-side shim does.

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { type Role, RoleMsp, ROLE_ATTRIBUTE } from '../common/access';
import {
  bitString,
  boolean,
  explicit,
  integer,
  octetString,
  oid,
  sequence,
  set,
  smallInteger,
  utcTime,
  utf8String,
} from './der';

export interface TestIdentity {
  readonly mspId: string;
  /** PEM certificate: what SerializedIdentity.idBytes holds for an X.509 MSP. */
  readonly certificate: string;
}

export interface TestIdentityOptions {
  readonly mspId: string;
  readonly commonName?: string;
  /** Attributes besides Fabric CA's default hf.* ones, e.g. { 'govtrace.role': 'hauler' }. */
  readonly attributes?: Readonly<Record<string, string>>;
}

const Oids = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  fabricAttributes: '1.2.3.4.5.6.7.8.1',
} as const;

// Fixed validity: test certificates must not depend on the clock.
const notBefore = new Date(Date.UTC(2026, 0, 1));
const notAfter = new Date(Date.UTC(2036, 0, 1));

let signingKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
let serial = 0;

/** A certificate for `mspId` carrying `attributes`, issued by a test CA of that MSP. */
export function newTestIdentity(options: TestIdentityOptions): TestIdentity {
  const commonName = options.commonName ?? 'user1';
  const attrs = {
    'hf.Affiliation': '',
    'hf.EnrollmentID': commonName,
    'hf.Type': 'client',
    ...options.attributes,
  };
  const issuer = distinguishedName(options.mspId, 'ca', `ca.${options.mspId.toLowerCase()}`);
  const subject = distinguishedName(options.mspId, 'client', commonName);
  return { mspId: options.mspId, certificate: issueCertificate(issuer, subject, attrs) };
}

/** A certificate with `role` issued by the MSP that owns the role. */
export function identityForRole(role: Role, commonName: string = role.replace(/_/g, '-')): TestIdentity {
  return newTestIdentity({ mspId: RoleMsp[role], commonName, attributes: { [ROLE_ATTRIBUTE]: role } });
}

function distinguishedName(organisation: string, unit: string, commonName: string): Buffer {
  const rdn = (type: string, value: string): Buffer => set(sequence(oid(type), utf8String(value)));
  return sequence(
    rdn(Oids.organisation, organisation),
    rdn(Oids.organisationalUnit, unit),
    rdn(Oids.commonName, commonName),
  );
}

function issueCertificate(issuer: Buffer, subject: Buffer, attrs: Record<string, string>): string {
  signingKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' });
  serial += 1;
  const signatureAlgorithm = sequence(oid(Oids.ecdsaWithSha256));
  const attributeExtension = sequence(
    oid(Oids.fabricAttributes),
    boolean(false),
    octetString(Buffer.from(JSON.stringify({ attrs }), 'utf8')),
  );
  const tbs = sequence(
    explicit(0, smallInteger(2)), // X.509 v3
    integer(Buffer.from(serial.toString(16).padStart(16, '0'), 'hex')),
    signatureAlgorithm,
    issuer,
    sequence(utcTime(notBefore), utcTime(notAfter)),
    subject,
    signingKey.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(attributeExtension)),
  );
  const signature = sign('sha256', tbs, signingKey.privateKey);
  const der = sequence(tbs, signatureAlgorithm, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
