import { type ProofRecordKind } from '../../../gateway-api/src/verify/proof-bundle/bundle-format';
import { checkBlock } from './block-integrity';
import { parseBundle } from './bundle-shape';
import { checkCreator } from './creator';
import { checkEndorsements } from './endorsements';
import { OrganizationTrust, type TrustedRootFingerprints } from './organization-trust';
import { checkEndorsementPolicy, checkHomeDefinition, checkRecord } from './record-rules';
import { readTransaction } from './transaction-envelope';
import { VerificationFailure } from './verification-failure';
import { checkRecordWrite } from './write-set';

export interface VerifyOptions {
  /** Per MSP id, SHA-256 fingerprints (hex) of the root CAs to accept instead of trusting the bundle's. */
  readonly trustedRootFingerprints?: TrustedRootFingerprints;
}

export interface VerifiedFacts {
  readonly txId: string;
  readonly blockNumber: string;
  /** MSP ids with a valid endorsement, sorted. */
  readonly endorsers: readonly string[];
  readonly recordKind: ProofRecordKind;
  readonly id: string;
  /** For certificates: the verified hex SHA-256 of the canonical content. */
  readonly contentHash?: string;
}

export type VerificationResult =
  { readonly ok: true; readonly facts: VerifiedFacts } | { readonly ok: false; readonly reason: string };

/**
 * Verifies an offline proof bundle with no network: the checks run in the order of README.md, each on
 * what the previous ones established, and the first that fails is the reason. Never throws: bad input
 * of any kind is a failed verification.
 */
export function verifyProofBundle(bundle: unknown, options: VerifyOptions = {}): VerificationResult {
  try {
    return { ok: true, facts: verify(bundle, options) };
  } catch (error) {
    if (error instanceof VerificationFailure) return { ok: false, reason: error.reason };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `unexpected error while verifying: ${message}` };
  }
}

function verify(input: unknown, options: VerifyOptions): VerifiedFacts {
  const bundle = parseBundle(input);
  checkHomeDefinition(bundle);
  const trust = new OrganizationTrust(bundle.organizations, options.trustedRootFingerprints);
  const envelope = checkBlock(bundle);
  const transaction = readTransaction(envelope, bundle);
  checkCreator(transaction, trust);
  const { responsePayload, endorsers } = checkEndorsements(transaction, trust);
  checkEndorsementPolicy(bundle.record.kind, endorsers);
  checkRecordWrite(responsePayload, bundle);
  const contentHash = checkRecord(bundle.record);
  return {
    txId: bundle.transaction.txId,
    blockNumber: bundle.transaction.blockNumber,
    endorsers,
    recordKind: bundle.record.kind,
    id: bundle.record.id,
    ...(contentHash !== undefined && { contentHash }),
  };
}
