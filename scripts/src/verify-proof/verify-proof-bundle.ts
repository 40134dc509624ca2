import { type ProofRecordKind } from '../../../chaincode/src/contract';
import { checkBlock } from './block-integrity';
import { parseBundle } from './bundle-shape';
import { establishConfiguration } from './configuration-chain';
import { checkCreator } from './creator';
import { checkEndorsements } from './endorsements';
import { checkOrdererSignatures } from './orderer-signatures';
import { OrganizationTrust } from './organization-trust';
import {
  checkCurrent,
  checkEndorsementPolicy,
  checkHomeDefinition,
  checkRecord,
  recordStatus,
} from './record-rules';
import { readTransaction } from './transaction-envelope';
import { fail, VerificationFailure } from './verification-failure';
import { checkRecordWrite } from './write-set';

export interface VerifyOptions {
  /**
   * The channel's fingerprint: the SHA-256 (hex) of its genesis block's header, as the city publishes
   * it. Everything else is established from it; without it nothing can be, and nothing is verified.
   */
  readonly channelFingerprint?: string;
}

export interface VerifiedFacts {
  readonly txId: string;
  readonly blockNumber: string;
  /** MSP ids whose peers endorsed, each proven by a valid signature, sorted. */
  readonly endorsers: readonly string[];
  /** MSP ids of the orderers whose signatures over the block verified, sorted. */
  readonly orderers: readonly string[];
  /** The configuration block in force for the block, reached from the pinned genesis block. */
  readonly configurationBlock: number;
  readonly recordKind: ProofRecordKind;
  readonly id: string;
  /** The record's status as written by the transaction ('ACTIVE' for every verified bundle). */
  readonly status: string;
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
  if (options.channelFingerprint === undefined || options.channelFingerprint.trim() === '') {
    fail('trust', 'no channel fingerprint is pinned: a bundle can only be checked against a trusted channel');
  }
  const bundle = parseBundle(input);
  checkHomeDefinition(bundle);
  const configuration = establishConfiguration(bundle, options.channelFingerprint);
  const { header, envelope } = checkBlock(bundle);
  const transaction = readTransaction(envelope, bundle);
  const trust = new OrganizationTrust(
    configuration.application,
    `the channel configuration in force (block ${configuration.blockNumber})`,
  );
  checkCreator(transaction, trust);
  const { responsePayload, endorsers } = checkEndorsements(transaction, trust);
  checkEndorsementPolicy(bundle.record.kind, endorsers);
  checkRecordWrite(responsePayload, bundle);
  const contentHash = checkRecord(bundle.record);
  // what was written is settled; now whether the ordering service put it in the ledger, under the
  // configuration the endorsements were checked against
  const ordered = checkOrdererSignatures(
    bundle.block,
    header,
    configuration,
    transaction.timestamp,
    `block ${bundle.transaction.blockNumber}`,
  );
  if (ordered.lastConfig !== configuration.blockNumber) {
    fail(
      'configuration',
      `block ${bundle.transaction.blockNumber} was ordered under configuration block ${ordered.lastConfig}, ` +
        `but the bundle's configuration ends at block ${configuration.blockNumber}`,
    );
  }
  const status = recordStatus(bundle.record);
  checkCurrent(bundle.record, status, bundle.transaction.txId);
  return {
    txId: bundle.transaction.txId,
    blockNumber: bundle.transaction.blockNumber,
    endorsers,
    orderers: ordered.orderers,
    configurationBlock: configuration.blockNumber,
    recordKind: bundle.record.kind,
    id: bundle.record.id,
    status,
    ...(contentHash !== undefined && { contentHash }),
  };
}
