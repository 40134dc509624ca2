import { isValidUnitNumber, parseUnitNumber } from './unit-number';

// Position classes written from DESIGN.md (GB/T 37346-2019), independently of unit-number.ts.
const DIGIT = '0123456789';
const OWNERSHIP = 'GJZ';
const PARCEL_TYPE = 'ABSXCDEFHGWY';
const FIXTURE = 'FLQW';
/** Allowed characters for positions 1–28. */
const LAYOUT: readonly string[] = [
  ...Array<string>(12).fill(DIGIT), // county code, cadastral district, sub-district
  OWNERSHIP,
  PARCEL_TYPE,
  ...Array<string>(5).fill(DIGIT), // parcel serial
  FIXTURE,
  ...Array<string>(8).fill(DIGIT), // fixture unit
];

/** Expected verdict for a 28-character candidate: each character in its class, plus the W rule. */
function fitsLayout(candidate: string): boolean {
  const characters = Array.from(candidate.toUpperCase());
  const classesFit =
    characters.length === LAYOUT.length &&
    characters.every(
      (character, index) => (LAYOUT[index] ?? '').includes(character) && character.length === 1,
    );
  // Fixture W means "no fixture", so its unit must be all zeros.
  const noFixtureRule = characters[19] !== 'W' || characters.slice(20).join('') === '00000000';
  return classesFit && noFixtureRule;
}

function replaceAt(text: string, index: number, replacement: string): string {
  const characters = Array.from(text);
  characters[index] = replacement;
  return characters.join('');
}

const EXAMPLES = [
  '440184001016GB00009F00800039', // DESIGN.md's example: state-owned construction land, a building unit
  '440184001016GB00009W00000000', // the same parcel without a fixture
  '440111002003JC00123L00000001', // collective homestead, forest fixture
  '110105003004ZY00001Q00000102', // undetermined ownership, other fixture
];

describe('parseUnitNumber: valid numbers', () => {
  it('splits the example into its parts', () => {
    expect(parseUnitNumber('440184001016GB00009F00800039')).toEqual({
      valid: true,
      value: {
        canonical: '440184001016GB00009F00800039',
        countyCode: '440184',
        cadastralDistrict: '001',
        subDistrict: '016',
        parcelCode: '440184001016GB00009',
        parcelOwnership: 'G',
        parcelType: 'B',
        parcelSerial: '00009',
        fixtureType: 'F',
        fixtureUnit: '00800039',
      },
    });
  });

  it('accepts W with fixture unit 00000000', () => {
    expect(parseUnitNumber('440184001016GB00009W00000000')).toMatchObject({
      valid: true,
      value: { fixtureType: 'W', fixtureUnit: '00000000' },
    });
  });

  it.each(EXAMPLES)('accepts %s', (unit) => {
    expect(isValidUnitNumber(unit)).toBe(true);
    expect(fitsLayout(unit)).toBe(true);
  });

  it.each(Array.from('ABSXCDEFHGWY'))('accepts parcel type %s', (letter) => {
    expect(isValidUnitNumber(`440184001016G${letter}00009F00800039`)).toBe(true);
  });

  it.each(Array.from('IKMNOPRTUVZ'))('refuses parcel type %s', (letter) => {
    expect(parseUnitNumber(`440184001016G${letter}00009F00800039`)).toEqual({
      valid: false,
      reason: `position 14 (parcel type) must be one of A, B, S, X, C, D, E, F, H, G, W, Y, got '${letter}'`,
    });
  });

  it('accepts a building fixture whose unit happens to be 00000000', () => {
    expect(isValidUnitNumber('440184001016GB00009F00000000')).toBe(true);
  });
});

describe('parseUnitNumber: single-character substitutions follow the position classes', () => {
  const replacements = [
    ...DIGIT,
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ...'gjzbfw',
    '０',
    'Ｇ',
    '中',
    '😀',
    '-',
    ' ',
  ];
  const cases = EXAMPLES.flatMap((unit) => Array.from(unit, (_, index) => [unit, index + 1] as const));

  it.each(cases)('%s, position %d', (unit, position) => {
    const mutants = replacements
      .filter((replacement) => replacement !== unit.charAt(position - 1))
      .map((replacement) => replaceAt(unit, position - 1, replacement));
    const verdicts = mutants.map((mutant) => ({
      mutant,
      expected: fitsLayout(mutant),
      actual: isValidUnitNumber(mutant),
    }));
    expect(verdicts.filter((verdict) => verdict.expected !== verdict.actual)).toEqual([]);
    // The candidates always include characters that no position allows, so some verdicts must be 'refuse'.
    expect(verdicts.some((verdict) => !verdict.expected)).toBe(true);
    for (const { mutant, expected } of verdicts) {
      if (expected) {
        expect(parseUnitNumber(mutant)).toMatchObject({ value: { canonical: mutant.toUpperCase() } });
      }
    }
  });
});

describe('parseUnitNumber: normalisation and reasons', () => {
  it('upper-cases letters and trims whitespace', () => {
    expect(parseUnitNumber('  440184001016gb00009f00800039\n')).toMatchObject({
      valid: true,
      value: { canonical: '440184001016GB00009F00800039', parcelOwnership: 'G', fixtureType: 'F' },
    });
  });

  it.each([
    ['', 'is empty'],
    ['440184001016GB00009F0080003', 'must be 28 characters, got 27'],
    ['440184001016GB00009F008000399', 'must be 28 characters, got 29'],
    ['440184001016 GB00009F00800039', 'must be 28 characters, got 29'],
    ['44018400101GGB00009F00800039', "position 12 (cadastral sub-district) must be a digit, got 'G'"],
    ['440184001016XB00009F00800039', "position 13 (parcel ownership) must be one of G, J, Z, got 'X'"],
    ['440184001016GB0000AF00800039', "position 19 (parcel serial) must be a digit, got 'A'"],
    ['440184001016GB00009B00800039', "position 20 (fixture type) must be one of F, L, Q, W, got 'B'"],
    ['440184001016GB00009F0080003😀', "position 28 (fixture unit) must be a digit, got '😀'"],
    ['４40184001016GB00009F00800039', "position 1 (county code) must be a digit, got '４'"],
    [
      '440184001016GB00009W00800039',
      'fixture unit must be 00000000 when the fixture type is W (no fixture), got 00800039',
    ],
    ['4'.repeat(65), 'is too long: more than 64 characters'],
  ])('%j', (input, reason) => {
    expect(parseUnitNumber(input)).toEqual({ valid: false, reason });
  });

  it.each([undefined, null, 42])('refuses the non-string %p', (input) => {
    expect(isValidUnitNumber(input as unknown as string)).toBe(false);
  });
});
