// Shared result type and small helpers for the identifier validators.
//
// Validators never throw on bad input: a clerk or a scanning station needs a reason it can show, and the
// chaincode turns the reason into a deterministic error. Everything here is pure ECMAScript (no Node APIs,
// no locale-dependent calls, no clock), so chaincode and gateway reach the same verdict on the same input.

export type Valid<T> = { readonly valid: true; readonly value: T };
export type Invalid = { readonly valid: false; readonly reason: string };
export type Validation<T> = Valid<T> | Invalid;

/**
 * Longest raw input any validator looks at. Real identifiers are at most 37 characters; anything longer is
 * refused before trimming, splitting or case mapping, so a hostile caller cannot make us work on megabytes.
 */
export const MAX_INPUT_LENGTH = 64;

export function ok<T>(value: T): Valid<T> {
  return { valid: true, value };
}

export function fail(reason: string): Invalid {
  return { valid: false, reason };
}

/**
 * Upper-cases ASCII letters only. `String.prototype.toUpperCase` maps some non-ASCII characters to ASCII
 * (the ligature 'ﬀ' becomes "FF", dotless 'ı' becomes "I"), which would let look-alike input through.
 */
export function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) - 32));
}

/**
 * Common first steps: refuse non-strings (chaincode arguments come from JSON), refuse over-long input
 * cheaply, trim surrounding whitespace (including the ideographic space U+3000 that Chinese input methods
 * produce) and refuse what is left empty.
 */
export function prepareInput(input: unknown): Validation<string> {
  if (typeof input !== 'string') {
    return fail(`must be text, got ${input === null ? 'null' : typeof input}`);
  }
  if (input.length > MAX_INPUT_LENGTH) {
    return fail(`is too long: more than ${MAX_INPUT_LENGTH} characters`);
  }
  const trimmed = input.trim();
  if (trimmed === '') {
    return fail('is empty');
  }
  return ok(trimmed);
}

/** The trimmed text of a fixed-length identifier, upper-cased where ASCII, and its code points. */
export interface FixedLengthInput {
  readonly text: string;
  readonly characters: readonly string[];
}

/**
 * The first steps every fixed-length identifier shares: the input guards of `prepareInput`, ASCII
 * upper-casing (lower-case input is accepted and normalised), and the length check in code points.
 */
export function prepareFixedLength(input: unknown, length: number): Validation<FixedLengthInput> {
  const prepared = prepareInput(input);
  if (!prepared.valid) {
    return prepared;
  }
  const text = asciiUpperCase(prepared.value);
  const characters = codePoints(text);
  if (characters.length !== length) {
    return fail(lengthReason(length, characters.length));
  }
  return ok({ text, characters });
}

/**
 * Splits text into Unicode code points, so an emoji counts as one character in messages and positions,
 * the way a clerk would count it.
 */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * Shows one character in a message: quoted when visible, as U+XXXX when it is whitespace or a control,
 * and as "nothing" when the input ended before that position.
 */
export function describeCharacter(character: string): string {
  if (character === '') {
    return 'nothing';
  }
  const codePoint = character.codePointAt(0) ?? 0;
  const invisible = codePoint <= 0x20 || (codePoint >= 0x7f && codePoint <= 0xa0) || /^\s$/u.test(character);
  if (invisible) {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${character}'`;
}

export function isAsciiDigit(character: string): boolean {
  return character.length === 1 && character >= '0' && character <= '9';
}

/** True when every character of `text` is an ASCII digit and there is at least one. */
export function isAsciiDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

export function lengthReason(expected: number, actual: number): string {
  return `must be ${expected} characters, got ${actual}`;
}
