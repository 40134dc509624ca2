// A certificate issued by an act: 不动产权证书 (TITLE) or 不动产登记证明 (REGISTRATION). The record
// separates the immutable `content`, which the content hash covers, from the status that later acts
// change (ACTIVE → SUPERSEDED / CANCELLED). So the hash printed in the QR code stays valid for the
// certificate's life and the status tells whether it is still in force.
//
//   contentHash = hex(SHA-256(toCanonicalBytes(record.content)))
//
// i.e. the canonical JSON (sorted keys, no whitespace, UTF-8) of the `content` object exactly as
// GetCertificate returns it. Nothing outside `content` is hashed.

import { createHash } from 'node:crypto';
import { toCanonicalBytes } from '../common/canonical-json';
import { type CertificateKind } from '../common/identifiers';
import { type PublicHolder } from './personal-data';
import { type CertificateStatus, type RegistrationType } from './registration-types';
import { storedObject } from './stored';

export interface CertificateContent {
  readonly certificateNumber: string;
  readonly kind: CertificateKind;
  readonly unitNumber: string;
  readonly registrationId: string;
  readonly registrationType: RegistrationType;
  readonly issuedAt: string;
  /** The right holders printed on the certificate: owners, or objectors / advance-notice holders. */
  readonly holders: readonly PublicHolder[];
  /** Public facts of the right: mortgage terms, description. */
  readonly details: Readonly<Record<string, string>>;
}

export interface CertificateRecord {
  readonly content: CertificateContent;
  readonly contentHash: string;
  readonly status: CertificateStatus;
  /** Registration that last changed the status, and when; null while ACTIVE since issue. */
  readonly statusRegistrationId: string | null;
  readonly statusChangedAt: string | null;
  /** Sequence of the registration whose private record holds the holders' salts (GetHolderMatch). */
  readonly holdersSequence: number;
}

export function certificateContentHash(content: CertificateContent): string {
  return createHash('sha256').update(toCanonicalBytes(content)).digest('hex');
}

export function issueCertificate(content: CertificateContent, holdersSequence: number): CertificateRecord {
  return {
    content,
    contentHash: certificateContentHash(content),
    status: 'ACTIVE',
    statusRegistrationId: null,
    statusChangedAt: null,
    holdersSequence,
  };
}

export function withStatus(
  record: CertificateRecord,
  status: CertificateStatus,
  registrationId: string,
  at: string,
): CertificateRecord {
  return { ...record, status, statusRegistrationId: registrationId, statusChangedAt: at };
}

export function parseStoredCertificate(raw: unknown): CertificateRecord {
  const record = storedObject(raw, 'certificate', ['contentHash', 'status']);
  storedObject(record.content, 'certificate content', ['certificateNumber', 'kind', 'unitNumber']);
  return record as unknown as CertificateRecord;
}
