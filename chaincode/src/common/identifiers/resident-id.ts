// Resident identity card number (公民身份号码), GB 11643-1999: 6-digit area code, 8-digit birth date
// (YYYYMMDD), 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
//
// No clock is read: chaincode must be deterministic, so "born in the future" can only be refused when the
// caller passes a date it trusts (in chaincode, the transaction timestamp) as `notAfter`.

import {
  type Validation,
  describeCharacter,
  fail,
  isAsciiDigit,
  isAsciiDigits,
  ok,
  prepareFixedLength,
} from './validation';

export const RESIDENT_ID_LENGTH = 18;

/** Earliest birth year accepted; the standard's own example is born in 1880. */
export const EARLIEST_BIRTH_YEAR = 1800;

/** Weights for positions 1–17: 2^(18−i) mod 11. */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character indexed by Σ mod 11. */
const RESIDENT_ID_CHECKS = '10X98765432';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ParsedResidentId {
  /** Trimmed, 18 characters, check character 'X' in upper case. */
  readonly canonical: string;
  readonly areaCode: string;
  /** Birth date as YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sequence: string;
  readonly check: string;
}

export interface ResidentIdOptions {
  /** Refuse birth dates after this day (YYYY-MM-DD), e.g. the transaction's date. */
  readonly notAfter?: string;
}

/**
 * Check character (pos 18) for 17 digits. Throws RangeError on malformed input: this is for building and
 * testing numbers, not for checking what a person typed.
 */
export function residentIdCheckCharacter(first17: string): string {
  if (first17.length !== RESIDENT_ID_WEIGHTS.length || !isAsciiDigits(first17)) {
    throw new RangeError('residentIdCheckCharacter needs 17 digits');
  }
  let sum = 0;
  for (const [index, weight] of RESIDENT_ID_WEIGHTS.entries()) {
    sum += (first17.charCodeAt(index) - 48) * weight;
  }
  return RESIDENT_ID_CHECKS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a proleptic-Gregorian calendar date; no Date object, so no time zone or engine quirks. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Birth date as YYYY-MM-DD, or the reason it is not acceptable. `digits` is 8 ASCII digits. */
function parseBirthDate(digits: string, notAfter: string | undefined): Validation<string> {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (!isCalendarDate(year, month, day)) {
    return fail(`birth date ${digits} is not a real date`);
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return fail(`birth year ${year} is before ${EARLIEST_BIRTH_YEAR}`);
  }
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  // Same fixed-width format on both sides, so string order is date order.
  if (notAfter !== undefined && birthDate > notAfter) {
    return fail(`birth date ${birthDate} is after ${notAfter}`);
  }
  return ok(birthDate);
}

function assertIsoDate(date: string): void {
  const match = ISO_DATE.exec(date);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    // A wrong option is a programming error, not bad user input, so it is not reported as a Validation.
    throw new RangeError(`notAfter must be a date written YYYY-MM-DD, got '${date}'`);
  }
}

/** First character that is not allowed where it stands; undefined when all fit. */
function characterProblem(characters: readonly string[]): string | undefined {
  for (const [index, character] of characters.entries()) {
    if (index === RESIDENT_ID_LENGTH - 1) {
      if (!isAsciiDigit(character) && character !== 'X') {
        return `check character must be a digit or X, got ${describeCharacter(character)}`;
      }
    } else if (!isAsciiDigit(character)) {
      return `position ${index + 1} must be a digit, got ${describeCharacter(character)}`;
    }
  }
  if (characters[0] === '0') {
    return 'area code cannot start with 0';
  }
  return undefined;
}

export function parseResidentId(
  input: string,
  options: ResidentIdOptions = {},
): Validation<ParsedResidentId> {
  if (options.notAfter !== undefined) {
    assertIsoDate(options.notAfter);
  }
  const prepared = prepareFixedLength(input, RESIDENT_ID_LENGTH);
  if (!prepared.valid) {
    return prepared;
  }
  const { text: id, characters } = prepared.value;
  const problem = characterProblem(characters);
  if (problem !== undefined) {
    return fail(problem);
  }
  // From here on every character is one ASCII code unit.
  const birthDate = parseBirthDate(id.slice(6, 14), options.notAfter);
  if (!birthDate.valid) {
    return birthDate;
  }
  const expectedCheck = residentIdCheckCharacter(id.slice(0, 17));
  const check = id.charAt(17);
  if (check !== expectedCheck) {
    return fail(`check character should be '${expectedCheck}', got '${check}'`);
  }
  return ok({
    canonical: id,
    areaCode: id.slice(0, 6),
    birthDate: birthDate.value,
    sequence: id.slice(14, 17),
    check,
  });
}

export function isValidResidentId(input: string, options: ResidentIdOptions = {}): boolean {
  return parseResidentId(input, options).valid;
}
