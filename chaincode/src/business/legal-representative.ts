// The legal representative's name and resident ID number are personal data. They arrive as TRANSIENT
// data (never in the transaction arguments, which are written to every block), go to the market
// regulator's private data collection, and leave only a masked name and a salted hash in public state.
//
// Transient key `legalRepresentative`: UTF-8 JSON { "name": "张三", "idNumber": "…", "salt": "<hex>" }.
// The salt is chosen by the client (chaincode has no randomness) and stored with the private data, so
// the market regulator can later recompute the hash to prove who the representative is.

import { type Context } from 'fabric-contract-api';
import { type ErrorDetail, ValidationError } from '../common/errors';
import { SALT_PATTERN, maskName, saltedIdHash } from '../common/personal-data';
import { parseResidentId } from '../common/identifiers';
import { hasControlCharacter, isWellFormed } from './enterprise-name';
import { refuseNulCharacters } from '../common/nul-characters';

export const LEGAL_REPRESENTATIVE_TRANSIENT_KEY = 'legalRepresentative';
export const PERSON_NAME_MAX_CHARS = 50;

export interface LegalRepresentative {
  readonly name: string;
  /** Canonical resident ID number (upper-case X). */
  readonly idNumber: string;
  /** Lower-case hex. */
  readonly salt: string;
}

/** What public state may hold about the legal representative. */
export interface PublicLegalRepresentative {
  readonly maskedName: string;
  /** Hex SHA-256 of UTF-8 `salt + ':' + idNumber` (see saltedIdHash). */
  readonly idHash: string;
}

export function publicView(person: LegalRepresentative): PublicLegalRepresentative {
  return { maskedName: maskName(person.name), idHash: saltedIdHash(person.salt, person.idNumber) };
}

/**
 * Reads and validates the transient legal representative. Birth dates after the transaction's date
 * (`today`, YYYY-MM-DD) are refused. Error details name fields, never echo the values.
 */
export function readLegalRepresentative(ctx: Context, today: string): LegalRepresentative {
  const bytes = ctx.stub.getTransient().get(LEGAL_REPRESENTATIVE_TRANSIENT_KEY);
  const field = `transient.${LEGAL_REPRESENTATIVE_TRANSIENT_KEY}`;
  if (bytes === undefined || bytes.length === 0) {
    throw new ValidationError('the legal representative must be sent as transient data', [
      { field, message: 'missing: send { name, idNumber, salt } as transient data, not as an argument' },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ValidationError('invalid legal representative', [{ field, message: 'must be UTF-8 JSON' }]);
  }
  refuseNulCharacters(raw, field);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError('invalid legal representative', [{ field, message: 'must be a JSON object' }]);
  }
  const { name, idNumber, salt, ...rest } = raw as Record<string, unknown>;
  const problems: ErrorDetail[] = Object.keys(rest)
    .sort()
    .map((key) => ({ field: `${field}.${key}`, message: 'unknown field' }));
  const trimmedName = typeof name === 'string' ? name.trim() : '';
  problems.push(...personNameProblems(trimmedName, `${field}.name`));
  const id = typeof idNumber === 'string' ? parseResidentId(idNumber, { notAfter: today }) : undefined;
  problems.push(...idAndSaltProblems(id, salt, field));
  if (problems.length > 0 || id === undefined || !id.valid || typeof salt !== 'string') {
    throw new ValidationError('invalid legal representative', problems);
  }
  return { name: trimmedName, idNumber: id.value.canonical, salt: salt.toLowerCase() };
}

function personNameProblems(name: string, field: string): ErrorDetail[] {
  const length = [...name].length;
  if (
    length < 2 ||
    length > PERSON_NAME_MAX_CHARS ||
    hasControlCharacter(name) ||
    /[0-9]/.test(name) ||
    !isWellFormed(name)
  ) {
    return [
      { field, message: `must be 2 to ${PERSON_NAME_MAX_CHARS} characters, without digits or controls` },
    ];
  }
  return [];
}

function idAndSaltProblems(
  id: ReturnType<typeof parseResidentId> | undefined,
  salt: unknown,
  field: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (id === undefined || !id.valid) {
    problems.push({
      field: `${field}.idNumber`,
      message: `not a valid resident ID number${id === undefined ? ': must be text' : `: ${id.reason}`}`,
    });
  }
  if (typeof salt !== 'string' || !SALT_PATTERN.test(salt)) {
    problems.push({
      field: `${field}.salt`,
      message: 'must be 32 to 128 hex characters (16 to 64 random bytes)',
    });
  }
  return problems;
}
