import { X509Certificate } from 'node:crypto';

import { msp } from '@hyperledger/fabric-protos';

import { type ProofOrganization } from '../../../gateway-api/src/verify/proof-bundle/bundle-format';
import { type CheckName, decoded, fail } from './verification-failure';

/** Per MSP id, the SHA-256 fingerprints (hex, colons and case ignored) of the root CAs to accept. */
export type TrustedRootFingerprints = Readonly<Record<string, readonly string[]>>;

export interface ValidIdentity {
  readonly mspId: string;
  readonly certificate: X509Certificate;
}

interface OrganizationCas {
  readonly roots: readonly X509Certificate[];
  readonly intermediates: readonly X509Certificate[];
}

/** Root → intermediate → … → identity; deeper chains are not something Fabric CA issues. */
const MAX_CHAIN_DEPTH = 4;

/**
 * Decides whether a Fabric identity (msp.SerializedIdentity) belongs to the MSP it names, the way a
 * Fabric X.509 MSP does: its certificate is not a CA, chains through the org's intermediates to one of
 * its roots with valid signatures, and every certificate on the chain is within validity at the given
 * time (the transaction's, since the proof is about then, not now).
 *
 * The CAs come from the bundle, so they are only as trustworthy as the bundle unless the caller pins
 * the roots it already trusts; an MSP with pins accepts only chains ending in a pinned root.
 */
export class OrganizationTrust {
  readonly #organizations = new Map<string, OrganizationCas>();
  readonly #pins = new Map<string, ReadonlySet<string>>();

  constructor(organizations: readonly ProofOrganization[], pins: TrustedRootFingerprints = {}) {
    for (const organization of organizations) {
      if (this.#organizations.has(organization.mspId)) {
        fail('bundle', `organisation ${organization.mspId} is listed twice`);
      }
      this.#organizations.set(organization.mspId, {
        roots: organization.rootCerts.map((pem, index) =>
          parse(pem, `${organization.mspId} root CA ${index}`),
        ),
        intermediates: organization.intermediateCerts.map((pem, index) =>
          parse(pem, `${organization.mspId} intermediate CA ${index}`),
        ),
      });
    }
    for (const [mspId, fingerprints] of Object.entries(pins)) {
      this.#pins.set(mspId, new Set(fingerprints.map(normaliseFingerprint)));
    }
  }

  /** Validates `serializedIdentity` for the check `check`; `who` names it in failure reasons. */
  validate(serializedIdentity: Uint8Array, at: Date, check: CheckName, who: string): ValidIdentity {
    const identity = decoded(check, `the identity of ${who}`, () =>
      msp.SerializedIdentity.deserializeBinary(serializedIdentity),
    );
    const mspId = identity.getMspid();
    const organization = this.#organizations.get(mspId);
    if (organization === undefined)
      fail(check, `${who} claims MSP ${JSON.stringify(mspId)}, not in the bundle`);
    const certificate = parseIdentityCertificate(identity.getIdBytes_asU8(), check, who);
    if (certificate.ca) fail(check, `${who}'s certificate is a CA certificate, which Fabric never accepts`);
    const context = { mspId, organization, at, check, who };
    checkValidity(certificate, context);
    const root = chainToRoot(certificate, context, 0);
    const pins = this.#pins.get(mspId);
    if (pins !== undefined && !pins.has(normaliseFingerprint(root.fingerprint256))) {
      fail(check, `${who}'s certificate chains to a ${mspId} root CA that is not pinned`);
    }
    return { mspId, certificate };
  }
}

interface ChainContext {
  readonly mspId: string;
  readonly organization: OrganizationCas;
  readonly at: Date;
  readonly check: CheckName;
  readonly who: string;
}

/** The root at the end of a valid chain from `certificate`, or a failure saying where it breaks. */
function chainToRoot(certificate: X509Certificate, context: ChainContext, depth: number): X509Certificate {
  const { mspId, organization, check, who } = context;
  if (depth > MAX_CHAIN_DEPTH) fail(check, `${who}'s certificate chain is longer than ${MAX_CHAIN_DEPTH}`);
  // checkIssued compares names and key identifiers only; the signature is checked next
  const roots = organization.roots.filter((root) => certificate.checkIssued(root));
  const intermediates = organization.intermediates.filter(
    (ca) => ca !== certificate && ca.ca && certificate.checkIssued(ca),
  );
  if (roots.length === 0 && intermediates.length === 0) {
    fail(check, `${who}'s certificate was not issued by any ${mspId} CA in the bundle`);
  }
  for (const root of roots) {
    if (certificate.verify(root.publicKey)) {
      checkValidity(root, context);
      return root;
    }
  }
  for (const intermediate of intermediates) {
    if (certificate.verify(intermediate.publicKey)) {
      checkValidity(intermediate, context);
      return chainToRoot(intermediate, context, depth + 1);
    }
  }
  return fail(
    check,
    `${who}'s certificate (or a CA on its chain) is not validly signed by its ${mspId} issuer`,
  );
}

function checkValidity(certificate: X509Certificate, { at, check, who }: ChainContext): void {
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) {
    fail(
      check,
      `a certificate on ${who}'s chain (${certificate.subject.replace(/\n/g, ', ')}) was not valid at ` +
        `the transaction time ${at.toISOString()}`,
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

function parse(pem: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    return fail('bundle', `the ${what} is not a readable X.509 certificate`);
  }
}

function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}
