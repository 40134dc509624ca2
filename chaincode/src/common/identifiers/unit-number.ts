// Real-estate unit number (不动产单元号), GB/T 37346-2019, 28 characters:
//
//   pos 1–6    county-level division code (digits)
//   pos 7–9    cadastral district (地籍区, digits)
//   pos 10–12  cadastral sub-district (地籍子区, digits)
//   pos 13     parcel ownership: G state-owned, J collective, Z undetermined
//   pos 14     parcel type: A B S X C D E F H G W Y
//   pos 15–19  parcel serial (digits)
//   pos 20     fixture type: F building, L forest, Q other, W none
//   pos 21–28  fixture unit (digits; 00000000 when the fixture type is W)
//
// Positions 1–19 are the parcel code (宗地代码). The number has no check character, so the layout is all
// that can be verified. Lower-case letters are accepted and stored in upper case: clerks type these numbers
// by hand and the canonical form makes "gb" and "GB" the same unit.

import { type Validation, describeCharacter, fail, isAsciiDigit, ok, prepareFixedLength } from './validation';

export const UNIT_NUMBER_LENGTH = 28;

export const PARCEL_OWNERSHIPS = ['G', 'J', 'Z'] as const;
export type ParcelOwnership = (typeof PARCEL_OWNERSHIPS)[number];

export const PARCEL_TYPES = ['A', 'B', 'S', 'X', 'C', 'D', 'E', 'F', 'H', 'G', 'W', 'Y'] as const;
export type ParcelType = (typeof PARCEL_TYPES)[number];

export const FIXTURE_TYPES = ['F', 'L', 'Q', 'W'] as const;
export type FixtureType = (typeof FIXTURE_TYPES)[number];

/** Fixture unit written when there is no fixture (fixture type W). */
export const NO_FIXTURE_UNIT = '00000000';

export interface ParsedUnitNumber {
  /** Trimmed, upper case, 28 characters. */
  readonly canonical: string;
  readonly countyCode: string;
  readonly cadastralDistrict: string;
  readonly subDistrict: string;
  /** Positions 1–19: the parcel code (宗地代码) shared by every unit on the parcel. */
  readonly parcelCode: string;
  readonly parcelOwnership: ParcelOwnership;
  readonly parcelType: ParcelType;
  readonly parcelSerial: string;
  readonly fixtureType: FixtureType;
  readonly fixtureUnit: string;
}

/** Digits at [start, start + length), or why not. */
function digitsAt(
  characters: readonly string[],
  start: number,
  length: number,
  label: string,
): Validation<string> {
  const run = characters.slice(start, start + length);
  const bad = run.findIndex((character) => !isAsciiDigit(character));
  if (bad >= 0) {
    const character = run[bad] ?? '';
    return fail(
      `position ${start + bad + 1} (${label}) must be a digit, got ${describeCharacter(character)}`,
    );
  }
  return ok(run.join(''));
}

/** The letter at `offset` if it is one of `allowed`, or why not. */
function letterAt<T extends string>(
  characters: readonly string[],
  offset: number,
  allowed: readonly T[],
  label: string,
): Validation<T> {
  const character = characters[offset] ?? '';
  const letter = allowed.find((candidate) => candidate === character);
  if (letter === undefined) {
    return fail(
      `position ${offset + 1} (${label}) must be one of ${allowed.join(', ')}, got ${describeCharacter(character)}`,
    );
  }
  return ok(letter);
}

/** The 28 characters split into fields in position order, so the first problem reported is the leftmost. */
function splitFields(
  characters: readonly string[],
): Validation<Omit<ParsedUnitNumber, 'canonical' | 'parcelCode'>> {
  const countyCode = digitsAt(characters, 0, 6, 'county code');
  if (!countyCode.valid) return countyCode;
  const cadastralDistrict = digitsAt(characters, 6, 3, 'cadastral district');
  if (!cadastralDistrict.valid) return cadastralDistrict;
  const subDistrict = digitsAt(characters, 9, 3, 'cadastral sub-district');
  if (!subDistrict.valid) return subDistrict;
  const parcelOwnership = letterAt(characters, 12, PARCEL_OWNERSHIPS, 'parcel ownership');
  if (!parcelOwnership.valid) return parcelOwnership;
  const parcelType = letterAt(characters, 13, PARCEL_TYPES, 'parcel type');
  if (!parcelType.valid) return parcelType;
  const parcelSerial = digitsAt(characters, 14, 5, 'parcel serial');
  if (!parcelSerial.valid) return parcelSerial;
  const fixtureType = letterAt(characters, 19, FIXTURE_TYPES, 'fixture type');
  if (!fixtureType.valid) return fixtureType;
  const fixtureUnit = digitsAt(characters, 20, 8, 'fixture unit');
  if (!fixtureUnit.valid) return fixtureUnit;
  return ok({
    countyCode: countyCode.value,
    cadastralDistrict: cadastralDistrict.value,
    subDistrict: subDistrict.value,
    parcelOwnership: parcelOwnership.value,
    parcelType: parcelType.value,
    parcelSerial: parcelSerial.value,
    fixtureType: fixtureType.value,
    fixtureUnit: fixtureUnit.value,
  });
}

export function parseUnitNumber(input: string): Validation<ParsedUnitNumber> {
  // Code points, not UTF-16 units, so an emoji is one wrong character at the position a clerk would count.
  const prepared = prepareFixedLength(input, UNIT_NUMBER_LENGTH);
  if (!prepared.valid) {
    return prepared;
  }
  const { text: code, characters } = prepared.value;
  const fields = splitFields(characters);
  if (!fields.valid) {
    return fields;
  }
  if (fields.value.fixtureType === 'W' && fields.value.fixtureUnit !== NO_FIXTURE_UNIT) {
    return fail(
      `fixture unit must be ${NO_FIXTURE_UNIT} when the fixture type is W (no fixture), got ${fields.value.fixtureUnit}`,
    );
  }
  return ok({ canonical: code, parcelCode: code.slice(0, 19), ...fields.value });
}

export function isValidUnitNumber(input: string): boolean {
  return parseUnitNumber(input).valid;
}
