import { X509Certificate } from 'node:crypto';

import { msp } from '@hyperledger/fabric-protos';

import { crlSignedBy, serialKey, subjectKeyIdOf } from '../identity/crl';
import { type MspDefinition, type NodeRoles } from './channel-configuration';
import { type CheckName, decoded, fail } from './verification-failure';

export type NodeRole = keyof NodeRoles;

export interface ValidIdentity {
  readonly mspId: string;
  readonly certificate: X509Certificate;
}

/** Root → intermediate → … → identity; deeper chains are not something Fabric CA issues. */
const MAX_CHAIN_DEPTH = 4;

interface ChainContext {
  readonly organization: MspDefinition;
  readonly at: Date;
  readonly check: CheckName;
  readonly who: string;
}

/**
 * Decides whether a Fabric identity (msp.SerializedIdentity) belongs to the MSP it names among
 * `organizations` (taken from a channel configuration the verifier has established, never from
 * what a bundle says about itself), the way a Fabric X.509 MSP does:
 *
 * - its certificate is not a CA and chains through the org's intermediates to one of its roots, each
 *   signature checked, every certificate on the chain valid at the given time (the proof is about
 *   then, not now);
 * - no certificate on the chain is revoked by a CRL of the MSP issued by its issuer (matched, as
 *   Fabric does, by the CRL's authority key identifier; a matching CRL that its CA did not sign fails);
 * - when a role is asked for, the MSP classifies identities by Node OUs and the certificate carries
 *   exactly that role's OU (a clerk's client certificate is not a peer, whatever it signed).
 */
export class OrganizationTrust {
  constructor(
    private readonly organizations: ReadonlyMap<string, MspDefinition>,
    /** How failure reasons name where the organisations come from, e.g. "the channel configuration". */
    private readonly source: string,
  ) {}

  /** Validates `serializedIdentity` for the check `check`; `who` names it in failure reasons. */
  validate(
    serializedIdentity: Uint8Array,
    at: Date,
    check: CheckName,
    who: string,
    role?: NodeRole,
  ): ValidIdentity {
    const identity = decoded(check, `the identity of ${who}`, () =>
      msp.SerializedIdentity.deserializeBinary(serializedIdentity),
    );
    const mspId = identity.getMspid();
    const organization = this.organizations.get(mspId);
    if (organization === undefined) {
      fail(check, `${who} claims MSP ${JSON.stringify(mspId)}, not an organisation of ${this.source}`);
    }
    const certificate = parseIdentityCertificate(identity.getIdBytes_asU8(), check, who);
    if (certificate.ca) fail(check, `${who}'s certificate is a CA certificate, which Fabric never accepts`);
    const context = { organization, at, check, who };
    checkValidity(certificate, context);
    chainToRoot(certificate, context, 0);
    if (role !== undefined) checkRole(certificate, role, context);
    return { mspId, certificate };
  }
}

/** Walks from `certificate` to a root of its org, checking each link's signature, validity and CRLs. */
function chainToRoot(certificate: X509Certificate, context: ChainContext, depth: number): X509Certificate {
  const { organization, check, who } = context;
  const { mspId } = organization;
  if (depth > MAX_CHAIN_DEPTH) fail(check, `${who}'s certificate chain is longer than ${MAX_CHAIN_DEPTH}`);
  // checkIssued compares names and key identifiers only; the signature is checked next
  const roots = organization.roots.filter((root) => certificate.checkIssued(root));
  const intermediates = organization.intermediates.filter(
    (ca) => ca !== certificate && ca.ca && certificate.checkIssued(ca),
  );
  if (roots.length === 0 && intermediates.length === 0) {
    fail(check, `${who}'s certificate was not issued by any ${mspId} CA`);
  }
  const issuer = [...roots, ...intermediates].find((ca) => certificate.verify(ca.publicKey));
  if (issuer === undefined) {
    return fail(
      check,
      `${who}'s certificate (or a CA on its chain) is not validly signed by its ${mspId} issuer`,
    );
  }
  checkValidity(issuer, context);
  checkNotRevoked(certificate, issuer, context);
  return roots.includes(issuer) ? issuer : chainToRoot(issuer, context, depth + 1);
}

function checkNotRevoked(certificate: X509Certificate, issuer: X509Certificate, context: ChainContext): void {
  const { organization, check, who } = context;
  const issuerKeyId = subjectKeyIdOf(issuer);
  if (issuerKeyId === undefined) return; // Fabric cannot match a CRL to a CA without a key identifier
  const serial = serialKey(certificate.serialNumber);
  for (const crl of organization.revocationLists) {
    if (crl.authorityKeyId !== issuerKeyId) continue;
    if (!crlSignedBy(crl, issuer)) {
      fail(check, `a CRL of ${organization.mspId} names the CA of ${who}'s chain but is not signed by it`);
    }
    if (crl.revokedSerials.includes(serial)) {
      fail(
        check,
        `${who}'s certificate (or a CA on its chain; serial ${serial}) is revoked by a CRL of ${organization.mspId}`,
      );
    }
  }
}

function checkRole(certificate: X509Certificate, role: NodeRole, context: ChainContext): void {
  const { organization, check, who } = context;
  const roles = organization.nodeRoles;
  if (roles === undefined) {
    fail(
      check,
      `${organization.mspId} does not classify identities by role (Node OUs disabled), so ${who} cannot be shown to be a ${role}`,
    );
  }
  const units = organizationalUnits(certificate);
  const held = (Object.keys(roles) as NodeRole[]).filter((name) => {
    const unit = roles[name];
    return unit !== undefined && unit !== '' && units.includes(unit);
  });
  if (held.length !== 1 || held[0] !== role) {
    fail(
      check,
      `${who}'s certificate is ${held.length === 0 ? 'of no role' : `${article(held.join(' and '))} identity`}, ` +
        `not ${article(role)} of ${organization.mspId}`,
    );
  }
}

const article = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** The OU values of the certificate's subject (node prints one "OU=value" line per attribute). */
function organizationalUnits(certificate: X509Certificate): string[] {
  return certificate.subject
    .split('\n')
    .filter((line) => line.startsWith('OU='))
    .map((line) => line.slice('OU='.length));
}

function checkValidity(certificate: X509Certificate, { at, check, who }: ChainContext): void {
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) {
    fail(
      check,
      `a certificate on ${who}'s chain (${certificate.subject.replace(/\n/g, ', ')}) was not valid at ` +
        `${at.toISOString()}`,
    );
  }
}

function parseIdentityCertificate(bytes: Uint8Array, check: CheckName, who: string): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(bytes));
  } catch {
    return fail(check, `${who}'s identity is not a readable X.509 certificate`);
  }
}
