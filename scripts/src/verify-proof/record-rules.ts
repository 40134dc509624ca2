import { createHash } from 'node:crypto';

import {
  type ChaincodeName,
  ownerOf,
  type ProofBundle,
  type ProofRecord,
  type ProofRecordKind,
  type RecordType,
  RecordTypeHome,
  RecordTypes,
  toCanonicalBytes,
} from '../../../chaincode/src/contract';
import { fail } from './verification-failure';

// What each kind of record must satisfy. Hard-coded here (and in chaincode/src/common/definitions.ts,
// which says which definition holds each record type and which department alone endorses it) on
// purpose: the namespace, the responsible organisation and the key layout are facts of the govtrace
// network, and a bundle that could state them itself could prove anything.

interface RecordRule {
  /** The record type: the composite key's object type, "\u0000" + type + "\u0000" + id + "\u0000". */
  readonly recordType: RecordType;
  /** Checks the record's own content against its id; returns the content hash when it has one. */
  readonly checkContent: (record: ProofRecord) => string | undefined;
}

const RULES: Readonly<Record<ProofRecordKind, RecordRule>> = {
  'real-estate-certificate': {
    recordType: RecordTypes.RealEstateCertificate,
    checkContent: checkCertificate,
  },
  'business-license': {
    recordType: RecordTypes.BusinessLicense,
    checkContent: checkLicence,
  },
};

/** The chaincode definition (namespace) that holds this kind of record. */
export function homeDefinition(kind: ProofRecordKind): ChaincodeName {
  return RecordTypeHome[RULES[kind].recordType];
}

/**
 * The bundle names the definition that holds its kind of record: a record type's key written in any
 * other namespace (by the department that owns that namespace) is not the record.
 */
export function checkHomeDefinition(bundle: ProofBundle): void {
  const home = homeDefinition(bundle.record.kind);
  if (bundle.chaincode !== home) {
    fail(
      'bundle',
      `a ${bundle.record.kind} is held by chaincode ${home}, but the bundle names ${JSON.stringify(bundle.chaincode)}`,
    );
  }
}

/**
 * At least one valid endorsement is by the department that owns the record's definition: its peer
 * alone is that definition's endorsement policy.
 */
export function checkEndorsementPolicy(kind: ProofRecordKind, endorsers: readonly string[]): void {
  const responsibleMsp = ownerOf(homeDefinition(kind));
  if (responsibleMsp === undefined || !endorsers.includes(responsibleMsp)) {
    fail(
      'endorsement-policy',
      `a ${kind} must be endorsed by ${responsibleMsp ?? 'its owner'}, but only ${endorsers.join(', ')} endorsed it`,
    );
  }
}

/** The key is the record id's composite key and the content matches the id; returns the content hash. */
export function checkRecord(record: ProofRecord): string | undefined {
  const rule = RULES[record.kind];
  if (record.key !== `\u0000${rule.recordType}\u0000${record.id}\u0000`) {
    fail('record', `the record key is not the ${rule.recordType} key of ${record.id}`);
  }
  return rule.checkContent(record);
}

function checkCertificate(record: ProofRecord): string {
  const value = objectValue(record.value);
  const content = value.content;
  if (typeof content !== 'object' || content === null) fail('record', 'the certificate has no content');
  const certificateNumber = (content as Record<string, unknown>).certificateNumber;
  if (certificateNumber !== record.id) {
    fail('record', `the certificate content is for ${JSON.stringify(certificateNumber)}, not ${record.id}`);
  }
  const contentHash = createHash('sha256').update(toCanonicalBytes(content)).digest('hex');
  if (value.contentHash !== contentHash) {
    fail('record', `the certificate's contentHash is not SHA-256 of its canonical content (${contentHash})`);
  }
  return contentHash;
}

function checkLicence(record: ProofRecord): undefined {
  const uscc = objectValue(record.value).uscc;
  if (uscc !== record.id) fail('record', `the licence is for USCC ${JSON.stringify(uscc)}, not ${record.id}`);
  return undefined;
}

function objectValue(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('record', 'the record value is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The status the record had as written; the chaincode writes 'ACTIVE' for a current one. */
export function recordStatus(record: ProofRecord): string {
  const status = objectValue(record.value).status;
  if (typeof status !== 'string' || status === '') fail('record', 'the record has no status');
  return status;
}

/**
 * A bundle proves what a transaction wrote; a record written as SUPERSEDED, CANCELLED or REVOKED is
 * proven to be no longer in force, and must not pass as a valid certificate or licence.
 */
export function checkCurrent(record: ProofRecord, status: string, txId: string): void {
  if (status !== 'ACTIVE') {
    fail(
      'status',
      `the bundle proves that transaction ${txId} made ${record.kind} ${record.id} ${status}: it is not in force`,
    );
  }
}
