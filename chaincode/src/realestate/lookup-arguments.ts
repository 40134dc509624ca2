// Validation of the plain string arguments of the read transactions.

import { ValidationError } from '../common/errors';
import {
  type ParsedCertificateNumber,
  parseCertificateNumber,
  parseResidentId,
  parseUnitNumber,
} from '../common/identifiers';
import { CLEARANCE_NUMBER_PATTERN } from './clearance-record';

export function unitNumberArgument(input: string, field = 'unitNumber'): string {
  const parsed = parseUnitNumber(input);
  if (!parsed.valid) {
    throw new ValidationError(`invalid unit number: ${parsed.reason}`, [{ field, message: parsed.reason }]);
  }
  return parsed.value.canonical;
}

/** Accepts full-width and half-width brackets; returns the canonical (half-width) form. */
export function certificateNumberArgument(input: string): ParsedCertificateNumber {
  const parsed = parseCertificateNumber(input);
  if (!parsed.valid) {
    throw new ValidationError(`invalid certificate number: ${parsed.reason}`, [
      { field: 'certificateNumber', message: parsed.reason },
    ]);
  }
  return parsed.value;
}

export function residentIdArgument(input: string): string {
  const parsed = parseResidentId(input);
  if (!parsed.valid) {
    // The reason never repeats the number itself.
    throw new ValidationError(`invalid resident ID number: ${parsed.reason}`, [
      { field: 'idNumber', message: parsed.reason },
    ]);
  }
  return parsed.value.canonical;
}

export function clearanceNumberArgument(input: unknown): string {
  if (typeof input !== 'string' || !CLEARANCE_NUMBER_PATTERN.test(input)) {
    throw new ValidationError('invalid deed-tax clearance number', [
      { field: 'clearanceNumber', message: 'must be 4 to 40 characters from A-Z a-z 0-9 -' },
    ]);
  }
  return input;
}
