// The private particulars of a registration act: what the registry records about an act but other
// departments and the public ledger must not read. They travel as transient data (`particulars`) and
// are kept in RegistryMSP's private collection per act (realestate.particulars [unit, sequence]); the
// public registration record and the certificate content carry only their salted hash, so a printed
// certificate still binds them (a clerk can show the particulars and the salt, anyone can check them
// against the hash in the content the QR code verifies).
//
//   particularsHash = hex(SHA-256(toCanonicalBytes({ ...particulars, salt })))
//
// Which facts are private, and why:
//   description        free text (the clerk's reasons): anything may be written there, personal
//                      data included
//   remarks            free text (附记) printed on the certificate: the same
// (The property's location, area and usage and the mortgage term are public structured fields:
// property-particulars.ts says why.)
//   securedAmountFen   how much a household owes
//   courtOrder         the court case a unit is seized under: litigation against the owner
// Public stay the facts other departments and a buyer's check need: the mortgagee institution, the
// court (an institution), the deed-tax clearance number, the correction basis (issue 13: holder
// changes must be auditable), registration ids.

import { createHash } from 'node:crypto';

import { toCanonicalBytes } from '../common/canonical-json';
import { type ErrorDetail, ValidationError } from '../common/errors';
import { isObject } from './personal-data';

/** The request fields that are private particulars, as named in the public request before. */
export const PRIVATE_PARTICULARS = ['description', 'remarks', 'courtOrder', 'securedAmountFen'] as const;
export type PrivateParticular = (typeof PRIVATE_PARTICULARS)[number];

export type Particulars = Readonly<Partial<Record<PrivateParticular, string>>>;

const SALT_PATTERN = /^[0-9a-f]{32}$/;

/** The transient `particulars` object: the raw fields (validated with the request) and the salt. */
export interface TransientParticulars {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly salt: string | null;
}

/**
 * Reads transient `particulars` ({ description?, remarks?, courtOrder?, securedAmountFen?, salt }). Unknown
 * fields are refused, so a typo cannot turn a private fact into a silently dropped one; the salt is
 * required when any particular is given (the chaincode has no randomness to make one).
 */
export function parseTransientParticulars(raw: unknown): TransientParticulars {
  if (raw === undefined) return { fields: {}, salt: null };
  const problems: ErrorDetail[] = [];
  if (!isObject(raw)) {
    throw new ValidationError('invalid particulars', [
      { field: 'transient.particulars', message: 'must be a JSON object' },
    ]);
  }
  const { salt, ...fields } = raw;
  for (const name of Object.keys(fields)) {
    if (!(PRIVATE_PARTICULARS as readonly string[]).includes(name)) {
      problems.push({
        field: `transient.particulars.${name}`,
        message: `is not a private particular (${PRIVATE_PARTICULARS.join(', ')})`,
      });
    }
  }
  const given = Object.values(fields).some((value) => value !== undefined && value !== null);
  if (given && (typeof salt !== 'string' || !SALT_PATTERN.test(salt))) {
    problems.push({ field: 'transient.particulars.salt', message: 'must be 32 lower-case hex digits' });
  }
  if (problems.length > 0) throw new ValidationError('invalid particulars', problems);
  return { fields, salt: given && typeof salt === 'string' ? salt : null };
}

/** A private fact sent in the public arguments: refused, so it never reaches a block. */
export function refusePublicParticulars(raw: Record<string, unknown>, problems: ErrorDetail[]): void {
  const mortgage = isObject(raw.mortgage) ? raw.mortgage : {};
  const misplaced = [
    ...(['description', 'remarks', 'courtOrder'] as const).filter((field) => raw[field] !== undefined),
    ...(mortgage.securedAmountFen === undefined ? [] : ['mortgage.securedAmountFen']),
  ];
  for (const field of misplaced) {
    problems.push({
      field,
      message: "is private: send it in transient 'particulars', never in the public arguments",
    });
  }
}

export function particularsHash(particulars: Particulars, salt: string): string {
  return createHash('sha256')
    .update(toCanonicalBytes({ ...particulars, salt }))
    .digest('hex');
}

/** The private record of one act's particulars (registryPrivate). */
export interface PrivateParticulars {
  readonly unitNumber: string;
  readonly registrationId: string;
  readonly particulars: Particulars;
  readonly salt: string;
}

export function parsePrivateParticulars(raw: unknown): PrivateParticulars {
  if (!isObject(raw) || !isObject(raw.particulars) || typeof raw.salt !== 'string') {
    throw new Error('stored private particulars record is invalid');
  }
  return raw as unknown as PrivateParticulars;
}

/**
 * Splits an act's details into the public ones and the private particulars. The public details get
 * `particularsHash` when there are particulars, and then also go into the certificate content.
 */
export function sealDetails(
  details: Readonly<Record<string, string>>,
  salt: string | null,
): { readonly publicDetails: Record<string, string>; readonly particulars: Particulars | null } {
  const publicDetails: Record<string, string> = {};
  const particulars: Partial<Record<PrivateParticular, string>> = {};
  for (const [key, value] of Object.entries(details)) {
    if ((PRIVATE_PARTICULARS as readonly string[]).includes(key))
      particulars[key as PrivateParticular] = value;
    else publicDetails[key] = value;
  }
  if (Object.keys(particulars).length === 0) return { publicDetails, particulars: null };
  if (salt === null) {
    // parseTransientParticulars requires the salt whenever a particular is given
    throw new Error('private particulars without a salt passed validation');
  }
  return {
    publicDetails: { ...publicDetails, particularsHash: particularsHash(particulars, salt) },
    particulars,
  };
}
