// What a citizen is shown, built from the records the chaincode returns. Pure functions: the service
// fetches, these decide what may be said. Nothing here may carry a full name, an ID number, a
// household reference or a staff member's enrolment id.

import { type CertificateRecord } from '../../../chaincode/src/realestate/certificate-record';
import { type LedgerTransaction } from '../ledger/ledger-transactions.port';

/** Where the answer comes from: the committed transaction that last wrote the record. */
export interface VerificationProof {
  readonly txId: string;
  readonly blockNumber: string;
  readonly validationCode: string;
  readonly endorsers: readonly string[];
  readonly creatorMspId: string;
  readonly timestamp: string;
}

export function proofOf(tx: LedgerTransaction): VerificationProof {
  return {
    txId: tx.txId,
    blockNumber: tx.blockNumber.toString(),
    validationCode: tx.validationCode,
    endorsers: [...tx.endorsers],
    creatorMspId: tx.creator.mspId,
    timestamp: tx.timestamp,
  };
}

export type CertificateVerdict = 'VALID' | 'SUPERSEDED' | 'CANCELLED';

export interface CertificateAnswer {
  readonly valid: boolean;
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
  readonly holderMatch?: boolean;
  readonly proof: VerificationProof;
}

/** The registration whose transaction is the certificate's proof: the last one that wrote it. */
export function certificateProofRegistration(record: CertificateRecord): string {
  return record.statusRegistrationId ?? record.content.registrationId;
}

/**
 * A certificate only counts as valid when its proof transaction committed VALID: a record the
 * ledger shows but whose transaction reads otherwise is reported, never vouched for.
 */
export function certificateAnswer(
  record: CertificateRecord,
  proof: VerificationProof,
  issuer: string,
): CertificateAnswer {
  const status: CertificateVerdict = record.status === 'ACTIVE' ? 'VALID' : record.status;
  return {
    valid: status === 'VALID' && proof.validationCode === 'VALID',
    status,
    certificateNumber: record.content.certificateNumber,
    kind: record.content.kind,
    unitNumber: record.content.unitNumber,
    registrationType: record.content.registrationType,
    holders: record.content.holders.map((holder) => holder.maskedName),
    issuedAt: record.content.issuedAt,
    issuer,
    contentHash: record.contentHash,
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

export interface LicenseAnswer {
  readonly valid: boolean;
  readonly status: LicenseView['status'];
  readonly uscc: string;
  readonly name: string;
  readonly legalRepresentative: string;
  readonly establishedAt: string;
  readonly statusChangedAt: string | null;
  readonly reason?: string;
  readonly issuer: string;
  readonly proof: VerificationProof | null;
}

/** The transaction of the licence's latest status entry (absent on licences older than the field). */
export function licenseProofTxId(license: LicenseView): string | undefined {
  return license.statusHistory[license.statusHistory.length - 1]?.txId;
}

export function licenseAnswer(
  license: LicenseView,
  proof: VerificationProof | null,
  issuer: string,
): LicenseAnswer {
  const last = license.statusHistory[license.statusHistory.length - 1];
  const changed = license.status !== 'ACTIVE' && last !== undefined;
  return {
    valid: license.status === 'ACTIVE' && proof?.validationCode === 'VALID',
    status: license.status,
    uscc: license.uscc,
    name: license.name,
    legalRepresentative: license.legalRepresentative,
    establishedAt: license.establishedAt,
    statusChangedAt: changed ? last.at : null,
    ...(changed && last.reason !== undefined && { reason: last.reason }),
    issuer,
    proof,
  };
}

/** The fields of the chaincode's bag trace (GetBag) the answer uses. */
export interface BagTraceView {
  readonly barcode: string;
  readonly districtCode: string;
  readonly category: string;
  readonly categoryName?: string;
  readonly status: string;
  readonly outcome?: string;
  readonly events: readonly Record<string, unknown>[];
  readonly anomalies?: readonly Record<string, unknown>[];
}

export interface BagAnswer {
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

/** Event fields a citizen may see; the rest (who recorded it, batch and household links) stays out. */
const PUBLIC_EVENT_FIELDS = [
  'step',
  'at',
  'recordedAt',
  'siteId',
  'txId',
  'weightGrams',
  'quality',
  'reportedCategory',
  'vehicleId',
  'outcome',
] as const;
const PUBLIC_ANOMALY_FIELDS = ['type', 'message', 'step', 'txId', 'recordedAt'] as const;

export function bagProofTxId(trace: BagTraceView): string | undefined {
  const txId = trace.events[trace.events.length - 1]?.['txId'];
  return typeof txId === 'string' ? txId : undefined;
}

export function bagAnswer(trace: BagTraceView, proof: VerificationProof): BagAnswer {
  return {
    barcode: trace.barcode,
    category: trace.category,
    categoryName: trace.categoryName ?? null,
    districtCode: trace.districtCode,
    status: trace.status,
    finalOutcome: trace.outcome ?? null,
    events: trace.events.map((event) => pick(event, PUBLIC_EVENT_FIELDS)),
    anomalies: (trace.anomalies ?? []).map((anomaly) => pick(anomaly, PUBLIC_ANOMALY_FIELDS)),
    proof,
  };
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
