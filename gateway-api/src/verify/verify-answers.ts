// What a citizen is shown, built from the records the chaincode returns. Pure functions: the service
// fetches, these decide what may be said. Nothing here may carry a full name, an ID number, a
// household reference or a staff member's enrolment id.

import {
  type CertificateRecord,
  type ContractNames,
  type TransactionAnswer,
  type Transactions,
} from '../../../chaincode/src/contract';
import { UnavailableError } from '../common/errors';
import { type LedgerTransaction } from '../ledger/ledger-transactions.port';
import { type InvalidReason, type Verdict } from './authority-check';
import { type CertificateParticularsAnswer, certificateParticulars } from './certificate-particulars';

/**
 * Where the answer comes from: the committed transaction that last wrote the record, as named by the
 * peer's history of the record's key. The submitter is shown by organisation and role only: the
 * certificate's name is a staff member's enrolment id.
 */
export interface VerificationProof {
  readonly txId: string;
  readonly blockNumber: string;
  readonly validationCode: string;
  readonly endorsers: readonly string[];
  readonly creatorMspId: string;
  readonly creatorRole: string | null;
  readonly timestamp: string;
}

export function proofOf(tx: LedgerTransaction): VerificationProof {
  return {
    txId: tx.txId,
    blockNumber: tx.blockNumber.toString(),
    validationCode: tx.validationCode,
    endorsers: [...tx.endorsers],
    creatorMspId: tx.creator.mspId,
    creatorRole: tx.creator.role ?? null,
    timestamp: tx.timestamp,
  };
}

/** The proof and what the authority check made of it (authority-check.ts). */
export interface ProvenWrite {
  readonly proof: VerificationProof;
  readonly verdict: Verdict;
}

/** `valid`, and `invalidReason` exactly when it is false. */
function validity(verdict: Verdict): { valid: boolean; invalidReason?: InvalidReason } {
  return verdict.valid ? { valid: true } : { valid: false, invalidReason: verdict.reason };
}

export type CertificateVerdict = 'VALID' | 'SUPERSEDED' | 'CANCELLED';

export interface CertificateAnswer extends CertificateParticularsAnswer {
  readonly valid: boolean;
  readonly invalidReason?: InvalidReason;
  readonly status: CertificateVerdict;
  readonly certificateNumber: string;
  readonly kind: string;
  readonly unitNumber: string;
  readonly registrationType: string;
  readonly holders: readonly string[];
  readonly issuedAt: string;
  readonly issuer: string;
  readonly contentHash: string;
  readonly statusChangedAt: string | null;
  /** Only when the holder check was asked (holder-check/holder-check.ts). */
  readonly holderMatch?: boolean | null;
  readonly holderMatchReason?: { readonly code: string; readonly message: string };
  readonly proof: VerificationProof;
}

/** The certificate's status as a citizen reads it: ACTIVE is VALID. */
export function certificateStatus(record: CertificateRecord): CertificateVerdict {
  return record.status === 'ACTIVE' ? 'VALID' : record.status;
}

/**
 * Valid only as the authority check says (the responsible department's VALID write of this very
 * record, and in force): a record the ledger shows but cannot vouch for is reported, never vouched for.
 */
export function certificateAnswer(
  record: CertificateRecord,
  { proof, verdict }: ProvenWrite,
): CertificateAnswer {
  return {
    ...validity(verdict),
    status: certificateStatus(record),
    certificateNumber: record.content.certificateNumber,
    kind: record.content.kind,
    unitNumber: record.content.unitNumber,
    registrationType: record.content.registrationType,
    holders: record.content.holders.map((holder) => holder.maskedName),
    issuedAt: record.content.issuedAt,
    issuer: proof.creatorMspId,
    contentHash: record.contentHash,
    ...certificateParticulars(record.content.details),
    statusChangedAt: record.statusChangedAt,
    proof,
  };
}

/** The fields of the chaincode's LicenseRecord the answer uses. */
export interface LicenseView {
  readonly uscc: string;
  readonly name: string;
  readonly legalRepresentative: string;
  readonly status: 'ACTIVE' | 'CANCELLED' | 'REVOKED';
  readonly establishedAt: string;
  readonly statusHistory: readonly { status: string; at: string; reason?: string; txId?: string }[];
}

const LICENSE_STATUSES: readonly string[] = ['ACTIVE', 'CANCELLED', 'REVOKED'];

/**
 * The stored licence (as proof:ReadWithLatestWrite returns it) as the answer reads it. The chaincode
 * wrote it, so a shape it would not write means a ledger this gateway does not understand: 503.
 */
export function licenseView(stored: unknown): LicenseView {
  const license = (stored ?? {}) as Partial<Record<keyof LicenseView, unknown>>;
  const texts = [license.uscc, license.name, license.legalRepresentative, license.establishedAt];
  if (
    !texts.every((text) => typeof text === 'string') ||
    typeof license.status !== 'string' ||
    !LICENSE_STATUSES.includes(license.status) ||
    !Array.isArray(license.statusHistory)
  ) {
    throw new UnavailableError('The ledger holds a licence this gateway cannot read');
  }
  return license as unknown as LicenseView;
}

export interface LicenseAnswer {
  readonly valid: boolean;
  readonly invalidReason?: InvalidReason;
  readonly status: LicenseView['status'];
  readonly uscc: string;
  readonly name: string;
  readonly legalRepresentative: string;
  readonly establishedAt: string;
  readonly statusChangedAt: string | null;
  /** Why it was cancelled or revoked (the licence's own status history), not why it is not valid. */
  readonly reason?: string;
  readonly issuer: string;
  readonly proof: VerificationProof;
}

export function licenseAnswer(license: LicenseView, { proof, verdict }: ProvenWrite): LicenseAnswer {
  const last = license.statusHistory[license.statusHistory.length - 1];
  const changed = license.status !== 'ACTIVE' && last !== undefined;
  return {
    ...validity(verdict),
    status: license.status,
    uscc: license.uscc,
    name: license.name,
    legalRepresentative: license.legalRepresentative,
    establishedAt: license.establishedAt,
    statusChangedAt: changed ? last.at : null,
    ...(changed && last.reason !== undefined && { reason: last.reason }),
    issuer: proof.creatorMspId,
    proof,
  };
}

/** The fields of the chaincode's bag trace (GetBag) the answer uses. */
/** GetBag's answer: the bag's public trace (chaincode/src/waste/answers.ts, BagTraceAnswer). */
export type BagTraceView = TransactionAnswer<typeof ContractNames.Waste, typeof Transactions.waste.GetBag>;

export interface BagAnswer {
  /** The latest event was written by the department and role responsible for that step. */
  readonly valid: boolean;
  readonly invalidReason?: InvalidReason;
  readonly barcode: string;
  readonly category: string;
  readonly categoryName: string | null;
  readonly districtCode: string;
  readonly status: string;
  readonly finalOutcome: string | null;
  readonly events: readonly Record<string, unknown>[];
  readonly anomalies: readonly Record<string, unknown>[];
  readonly proof: VerificationProof;
}

/**
 * Event fields a citizen may see. Barcodes are sequential per household batch, so anyone can walk a
 * household's bags: no weights, sorting quality, vehicle or exact times here (issue 14), only the day
 * (`date`). Staff read the full trace at GET /api/v1/waste/bags/{barcode}/trace with their token.
 */
const PUBLIC_EVENT_FIELDS = ['step', 'siteId', 'txId', 'reportedCategory', 'outcome'] as const;
const PUBLIC_ANOMALY_FIELDS = ['type', 'message', 'step', 'txId'] as const;
/** The city's calendar day: the page shows dates in this zone too. */
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });

/** YYYY-MM-DD of an ISO time in the city's zone; undefined when absent or unreadable. */
export function publicDay(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : DAY.format(time);
}

function publicEvent(event: Record<string, unknown>): Record<string, unknown> {
  const date = publicDay(event['at'] ?? event['recordedAt']);
  return { ...pick(event, PUBLIC_EVENT_FIELDS), ...(date === undefined ? {} : { date }) };
}

function publicAnomaly(anomaly: Record<string, unknown>): Record<string, unknown> {
  const date = publicDay(anomaly['recordedAt']);
  return { ...pick(anomaly, PUBLIC_ANOMALY_FIELDS), ...(date === undefined ? {} : { date }) };
}

/** The step of the bag's latest event (COMMISSIONED for a bag with no event after its issue). */
export function latestBagStep(trace: BagTraceView): string {
  const step = trace.events[trace.events.length - 1]?.['step'];
  return typeof step === 'string' ? step : 'COMMISSIONED';
}

export function bagAnswer(trace: BagTraceView, { proof, verdict }: ProvenWrite): BagAnswer {
  return {
    ...validity(verdict),
    barcode: trace.barcode,
    category: trace.category,
    categoryName: trace.categoryName,
    districtCode: trace.districtCode,
    status: trace.status,
    finalOutcome: trace.outcome ?? null,
    events: trace.events.map(publicEvent),
    anomalies: trace.anomalies.map(publicAnomaly),
    proof,
  };
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
