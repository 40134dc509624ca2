// The current state of one real-estate unit (不动产单元): status, masked holders, the current title
// certificate and the encumbrances on it. Every act updates this record and appends a registration
// record, so the unit's key is touched only by acts on that unit (no hot key).

import { type PublicHolder } from './personal-data';
import { type MortgageTerm, type PropertyParticulars } from './property-particulars';
import { type MortgageTerms } from './register-request';
import { type UnitStatus } from './registration-types';
import { storedObject } from './stored';

export interface MortgageEncumbrance {
  readonly mortgageeName: MortgageTerms['mortgageeName'];
  readonly mortgageeUscc: MortgageTerms['mortgageeUscc'];
  /** Only in units mortgaged before the amount became a private particular (particulars.ts). */
  readonly securedAmountFen?: string;
  readonly registrationId: string;
  readonly certificateNumber: string;
  /** The secured period, when the MORTGAGE gave one (absent in mortgages registered before). */
  readonly term?: MortgageTerm;
}

export interface SeizureEncumbrance {
  readonly registrationId: string;
  readonly court: string;
  /** Only in units seized before the order became a private particular (particulars.ts). */
  readonly courtOrder?: string;
}

/** An objection (异议) or advance notice (预告): a registration certificate held by other people. */
export interface HeldEncumbrance {
  readonly registrationId: string;
  readonly certificateNumber: string;
  readonly holders: readonly PublicHolder[];
  /** Sequence of the registration whose private record holds these holders' names, IDs and salts. */
  readonly holdersSequence: number;
}

export interface UnitRecord {
  readonly unitNumber: string;
  readonly status: UnitStatus;
  /** Number of acts so far; the sequence of the latest registration. */
  readonly sequence: number;
  /** Ownership generation: 1 after FIRST, +1 per TRANSFER. A deed-tax clearance is bound to one generation. */
  readonly titleVersion: number;
  readonly holders: readonly PublicHolder[];
  readonly holdersSequence: number;
  readonly titleCertificate: string | null;
  readonly mortgage: MortgageEncumbrance | null;
  readonly seizure: SeizureEncumbrance | null;
  readonly objection: HeldEncumbrance | null;
  readonly advanceNotice: HeldEncumbrance | null;
  readonly firstRegisteredAt: string;
  readonly updatedAt: string;
  readonly lastRegistrationId: string;
  /** Location, area and usage from the latest FIRST or CHANGE that gave them; absent before. */
  readonly property?: PropertyParticulars;
}

export function parseStoredUnit(raw: unknown): UnitRecord {
  const record = storedObject(raw, 'real-estate unit', [
    'unitNumber',
    'status',
    'updatedAt',
    'lastRegistrationId',
  ]);
  if (
    typeof record.sequence !== 'number' ||
    typeof record.titleVersion !== 'number' ||
    !Array.isArray(record.holders)
  ) {
    throw new Error('stored real-estate unit lacks sequence, titleVersion or holders');
  }
  return record as unknown as UnitRecord;
}

/** Certificate numbers of the unit that are ACTIVE now, by role; what CANCELLATION cancels. */
export function activeCertificates(unit: UnitRecord): string[] {
  return [
    unit.titleCertificate,
    unit.mortgage?.certificateNumber,
    unit.objection?.certificateNumber,
    unit.advanceNotice?.certificateNumber,
  ].filter((number): number is string => typeof number === 'string');
}
