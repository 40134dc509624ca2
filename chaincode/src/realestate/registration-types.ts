// The registration types of DESIGN.md and which certificate each act issues. One table, so the act
// rules, the request parser and the tests agree on what "grants or changes a right" means.

import { type CertificateKind } from '../common/identifiers';

export const RegistrationTypes = [
  'FIRST',
  'TRANSFER',
  'CHANGE',
  'MORTGAGE',
  'MORTGAGE_DISCHARGE',
  'SEIZURE',
  'SEIZURE_RELEASE',
  'OBJECTION',
  'ADVANCE_NOTICE',
  'CORRECTION',
  'CANCELLATION',
] as const;

export type RegistrationType = (typeof RegistrationTypes)[number];

export function isRegistrationType(value: unknown): value is RegistrationType {
  return typeof value === 'string' && (RegistrationTypes as readonly string[]).includes(value);
}

/** How an act relates to certificates: must issue one of a kind, may issue one, or issues none. */
export interface CertificateRule {
  readonly kind: CertificateKind | null;
  readonly required: boolean;
}

// CORRECTION may issue a new title certificate (when the corrected entry is printed on it), so the
// certificate is optional there; acts that only end or freeze a right issue none.
export const CertificateRules: Readonly<Record<RegistrationType, CertificateRule>> = {
  FIRST: { kind: 'TITLE', required: true },
  TRANSFER: { kind: 'TITLE', required: true },
  CHANGE: { kind: 'TITLE', required: true },
  CORRECTION: { kind: 'TITLE', required: false },
  MORTGAGE: { kind: 'REGISTRATION', required: true },
  ADVANCE_NOTICE: { kind: 'REGISTRATION', required: true },
  OBJECTION: { kind: 'REGISTRATION', required: true },
  MORTGAGE_DISCHARGE: { kind: null, required: false },
  SEIZURE: { kind: null, required: false },
  SEIZURE_RELEASE: { kind: null, required: false },
  CANCELLATION: { kind: null, required: false },
};

/**
 * Which acts carry right holders as transient `holders`: required, optional, or not accepted. Only
 * TRANSFER and CORRECTION change the owners of a unit (holder-change-rules.ts); CHANGE never does.
 */
export const HolderRules: Readonly<Record<RegistrationType, 'required' | 'optional' | 'none'>> = {
  FIRST: 'required',
  TRANSFER: 'required',
  CHANGE: 'none',
  CORRECTION: 'optional',
  ADVANCE_NOTICE: 'required',
  OBJECTION: 'required',
  MORTGAGE: 'none',
  MORTGAGE_DISCHARGE: 'none',
  SEIZURE: 'none',
  SEIZURE_RELEASE: 'none',
  CANCELLATION: 'none',
};

export const CertificateStatuses = ['ACTIVE', 'SUPERSEDED', 'CANCELLED'] as const;
export type CertificateStatus = (typeof CertificateStatuses)[number];

export const UnitStatuses = ['REGISTERED', 'CANCELLED'] as const;
export type UnitStatus = (typeof UnitStatuses)[number];
