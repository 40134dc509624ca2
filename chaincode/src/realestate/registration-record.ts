// One registration act (登记簿 entry) on a unit, keyed by unit number and the unit's act sequence so
// GetUnitHistory is one ordered range read. It records who acted (the clerk's MSP, role and X.509
// id), the transaction id and time, and every certificate status it changed.

import { type SubmitterIdentity } from '../common/access';
import { type PublicHolder } from './personal-data';
import { type CertificateStatus, type RegistrationType, type UnitStatus } from './registration-types';
import { storedObject } from './stored';

export interface CertificateChange {
  readonly certificateNumber: string;
  readonly status: CertificateStatus;
}

export interface RegistrationRecord {
  readonly registrationId: string;
  readonly unitNumber: string;
  readonly sequence: number;
  readonly type: RegistrationType;
  readonly txId: string;
  readonly registeredAt: string;
  readonly clerk: SubmitterIdentity;
  /** The certificate this act issued, or null. */
  readonly certificateNumber: string | null;
  readonly certificateContentHash: string | null;
  /** Status changes of earlier certificates (SUPERSEDED / CANCELLED), sorted by number. */
  readonly certificateChanges: readonly CertificateChange[];
  /** Right holders named by this act (masked), or null when it names none. */
  readonly holders: readonly PublicHolder[] | null;
  readonly unitStatus: UnitStatus;
  /** Public facts of the act: court order, mortgage terms, clearance number, consent reference… */
  readonly details: Readonly<Record<string, string>>;
}

/** Sequence numbers are zero-padded in keys so key order is act order. */
export function sequenceKey(sequence: number): string {
  return String(sequence).padStart(8, '0');
}

export function registrationId(unitNumber: string, sequence: number): string {
  return `${unitNumber}-${sequenceKey(sequence)}`;
}

export function parseStoredRegistration(raw: unknown): RegistrationRecord {
  return storedObject(raw, 'registration', [
    'registrationId',
    'unitNumber',
    'type',
    'txId',
  ]) as unknown as RegistrationRecord;
}
