// Unified social credit code (统一社会信用代码), GB 32100-2015.
//
//   pos 1     registration authority (登记管理部门代码)
//   pos 2     category (机构类别代码)
//   pos 3–8   division code of the registering authority (GB/T 2260, six digits)
//   pos 9–17  organisation code (GB 11714), whose own check character is pos 17
//   pos 18    check character over pos 1–17
//
// Positions 1 and 2 are not limited to the values listed in the standard's annex: the authorities keep
// adding codes (e.g. A, N) and refusing a genuine licence would be worse than missing a made-up one, which
// the two check characters already make unlikely.

import { type Validation, describeCharacter, fail, isAsciiDigit, ok, prepareFixedLength } from './validation';

/** The 31 code symbols in value order: digits, then capitals without I, O, S, V, Z (look like 1, 0, 5, U, 2). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const USCC_LENGTH = 18;

/** Weights for positions 1–17: 3^(i−1) mod 31, as tabulated in GB 32100. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the eight body characters of an organisation code. */
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export interface ParsedUscc {
  /** Upper-case, trimmed, 18 characters. */
  readonly canonical: string;
  readonly registrationAuthority: string;
  readonly category: string;
  /** Six-digit administrative division code. */
  readonly divisionCode: string;
  /** Nine characters (pos 9–17), including the organisation code's own check character. */
  readonly organisationCode: string;
  readonly check: string;
}

/**
 * Check character (pos 18) for the first 17 characters of a USCC, which must already be upper case.
 * Throws RangeError on malformed input: this is for building codes, not for checking what a person typed.
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== USCC_WEIGHTS.length) {
    throw new RangeError(`usccCheckCharacter needs 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (const [index, weight] of USCC_WEIGHTS.entries()) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(index));
    if (value < 0) {
      throw new RangeError(
        `usccCheckCharacter: ${describeCharacter(first17.charAt(index))} is not a code symbol`,
      );
    }
    sum += value * weight;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 value of a character: digits 0–9, letters A=10 … Z=35; −1 for anything else. */
function organisationCharacterValue(character: string): number {
  if (isAsciiDigit(character)) {
    return character.charCodeAt(0) - 48;
  }
  if (character.length === 1 && character >= 'A' && character <= 'Z') {
    return character.charCodeAt(0) - 55;
  }
  return -1;
}

/**
 * GB 11714 check character for the first 8 characters of an organisation code (digits and upper-case
 * letters): 11 − (Σ mod 11), where 10 is written X and 11 is written 0. Throws RangeError on malformed input.
 */
export function organisationCodeCheck(first8: string): string {
  if (first8.length !== ORGANISATION_CODE_WEIGHTS.length) {
    throw new RangeError(`organisationCodeCheck needs 8 characters, got ${first8.length}`);
  }
  let sum = 0;
  for (const [index, weight] of ORGANISATION_CODE_WEIGHTS.entries()) {
    const value = organisationCharacterValue(first8.charAt(index));
    if (value < 0) {
      throw new RangeError(
        `organisationCodeCheck: ${describeCharacter(first8.charAt(index))} is not a digit or capital letter`,
      );
    }
    sum += value * weight;
  }
  const check = 11 - (sum % 11);
  if (check === 10) {
    return 'X';
  }
  return check === 11 ? '0' : String(check);
}

/** First character outside the code alphabet or, in pos 3–8, not a digit; undefined when all fit. */
function characterProblem(characters: readonly string[]): string | undefined {
  for (const [index, character] of characters.entries()) {
    const position = index + 1;
    if (!USCC_ALPHABET.includes(character)) {
      return `character ${describeCharacter(character)} at position ${position} is not allowed (only digits and capital letters except I, O, S, V, Z)`;
    }
    if (position >= 3 && position <= 8 && !isAsciiDigit(character)) {
      return `position ${position} is part of the division code and must be a digit, got ${describeCharacter(character)}`;
    }
  }
  return undefined;
}

export function parseUscc(input: string): Validation<ParsedUscc> {
  const prepared = prepareFixedLength(input, USCC_LENGTH);
  if (!prepared.valid) {
    return prepared;
  }
  const { text: code, characters } = prepared.value;
  const problem = characterProblem(characters);
  if (problem !== undefined) {
    return fail(problem);
  }
  // From here on every character is one ASCII code unit, so string offsets equal positions − 1.
  const organisationCode = code.slice(8, 17);
  const expectedOrganisationCheck = organisationCodeCheck(organisationCode.slice(0, 8));
  if (organisationCode.charAt(8) !== expectedOrganisationCheck) {
    return fail(
      `organisation code check character (position 17) should be '${expectedOrganisationCheck}', got '${organisationCode.charAt(8)}'`,
    );
  }
  const expectedCheck = usccCheckCharacter(code.slice(0, 17));
  const check = code.charAt(17);
  if (check !== expectedCheck) {
    return fail(`check character should be '${expectedCheck}', got '${check}'`);
  }
  return ok({
    canonical: code,
    registrationAuthority: code.charAt(0),
    category: code.charAt(1),
    divisionCode: code.slice(2, 8),
    organisationCode,
    check,
  });
}

export function isValidUscc(input: string): boolean {
  return parseUscc(input).valid;
}
