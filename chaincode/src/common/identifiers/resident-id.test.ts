import { isCalendarDate, isValidResidentId, parseResidentId, residentIdCheckCharacter } from './resident-id';

// Independent reference written from DESIGN.md: ISO 7064 MOD 11-2 with the weights derived as
// 2^(18−i) mod 11 rather than copied, so a typo in resident-id.ts's table makes the tests fail.
function referenceCheck(first17: string): string {
  let sum = 0;
  Array.from(first17).forEach((digit, index) => {
    sum += Number(digit) * (2 ** (17 - index) % 11);
  });
  return '10X98765432'.charAt(sum % 11);
}

/** A complete number from area code, birth date digits and sequence, using the reference check. */
function makeId(area: string, birth: string, sequence: string): string {
  const first17 = area + birth + sequence;
  return first17 + referenceCheck(first17);
}

function replaceAt(text: string, index: number, replacement: string): string {
  const characters = Array.from(text);
  characters[index] = replacement;
  return characters.join('');
}

// GB 11643-1999's examples: 11010519491231002X and the number of someone born in 1880.
const EXAMPLES = ['11010519491231002X', '440524188001010014', makeId('440106', '20000229', '123')];

describe('parseResidentId: valid numbers', () => {
  it('accepts the standard example and splits it into its parts', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      valid: true,
      value: {
        canonical: '11010519491231002X',
        areaCode: '110105',
        birthDate: '1949-12-31',
        sequence: '002',
        check: 'X',
      },
    });
  });

  it('accepts the standard example born in 1880', () => {
    expect(parseResidentId('440524188001010014')).toMatchObject({
      valid: true,
      value: { areaCode: '440524', birthDate: '1880-01-01', sequence: '001', check: '4' },
    });
  });

  it.each(EXAMPLES)('isValidResidentId(%s)', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it('agrees with the reference on generated numbers and refuses every other check character', () => {
    // Every day of two years (one leap), with varying area codes and sequences.
    let count = 0;
    for (const year of [1996, 2023]) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 31; day += 1) {
          if (!isCalendarDate(year, month, day)) continue;
          const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
          const id = makeId(String(110000 + count * 97), birth, String(count % 1000).padStart(3, '0'));
          expect(parseResidentId(id)).toMatchObject({ valid: true, value: { canonical: id } });
          const others = Array.from('0123456789X').filter((check) => check !== id.charAt(17));
          expect(others.filter((check) => isValidResidentId(id.slice(0, 17) + check))).toEqual([]);
          count += 1;
        }
      }
    }
    expect(count).toBe(366 + 365);
  });
});

describe('parseResidentId: every single-character substitution is refused', () => {
  const replacements = [...'0123456789X', 'x', 'A', 'a', '０', '中', '😀', '-', ' ', '\u3000'];
  const cases = EXAMPLES.flatMap((id) => Array.from(id, (_, index) => [id, index + 1] as const));

  it.each(cases)('%s, position %d', (id, position) => {
    const original = id.charAt(position - 1);
    // 'x' for 'X' is the same number, not a mutation; it is tested below.
    const mutations = replacements.filter((replacement) => replacement.toUpperCase() !== original);
    expect(mutations.length).toBeGreaterThanOrEqual(18);
    const accepted = mutations
      .map((replacement) => replaceAt(id, position - 1, replacement))
      .filter((mutant) => isValidResidentId(mutant));
    expect(accepted).toEqual([]);
  });
});

describe('parseResidentId: normalisation', () => {
  it("upper-cases the check character 'x'", () => {
    expect(parseResidentId('11010519491231002x')).toMatchObject({
      valid: true,
      value: { canonical: '11010519491231002X', check: 'X' },
    });
  });

  it.each([
    ' 440524188001010014',
    '440524188001010014\n',
    '\t440524188001010014 ',
    '\u3000440524188001010014',
  ])('trims surrounding whitespace in %j', (input) => {
    expect(parseResidentId(input)).toMatchObject({ valid: true, value: { canonical: '440524188001010014' } });
  });
});

describe('parseResidentId: birth dates', () => {
  it.each([
    ['20000229', '2000-02-29'], // divisible by 400: leap
    ['20040229', '2004-02-29'], // divisible by 4: leap
    ['18000101', '1800-01-01'], // earliest year accepted
    ['19991231', '1999-12-31'],
    ['20230430', '2023-04-30'],
  ])('accepts %s', (birth, birthDate) => {
    expect(parseResidentId(makeId('440106', birth, '001'))).toMatchObject({
      valid: true,
      value: { birthDate },
    });
  });

  it.each([
    ['19000229', 'birth date 19000229 is not a real date'], // divisible by 100 only: not leap
    ['21000229', 'birth date 21000229 is not a real date'],
    ['20230229', 'birth date 20230229 is not a real date'],
    ['19990231', 'birth date 19990231 is not a real date'],
    ['19990431', 'birth date 19990431 is not a real date'],
    ['19991301', 'birth date 19991301 is not a real date'],
    ['19990001', 'birth date 19990001 is not a real date'],
    ['19990100', 'birth date 19990100 is not a real date'],
    ['17991231', 'birth year 1799 is before 1800'],
    ['00000000', 'birth date 00000000 is not a real date'],
  ])('refuses %s', (birth, reason) => {
    // The check character is right, so the date is the only fault.
    expect(parseResidentId(makeId('440106', birth, '001'))).toEqual({ valid: false, reason });
  });

  it('refuses a birth date after notAfter, and accepts one on that day', () => {
    const id = makeId('440106', '20260501', '001');
    expect(isValidResidentId(id)).toBe(true);
    expect(parseResidentId(id, { notAfter: '2026-05-01' })).toMatchObject({ valid: true });
    expect(parseResidentId(id, { notAfter: '2026-04-30' })).toEqual({
      valid: false,
      reason: 'birth date 2026-05-01 is after 2026-04-30',
    });
    expect(isValidResidentId(id, { notAfter: '2025-12-31' })).toBe(false);
  });

  it.each(['2026-5-1', '20260501', '2026-02-30', ''])(
    'throws for the malformed option notAfter %j',
    (notAfter) => {
      expect(() => parseResidentId('440524188001010014', { notAfter })).toThrow(RangeError);
    },
  );
});

describe('parseResidentId: reasons', () => {
  it.each([
    ['', 'is empty'],
    [' \t ', 'is empty'],
    ['44052418800101001', 'must be 18 characters, got 17'],
    ['4405241880010100144', 'must be 18 characters, got 19'],
    ['440524 188001010014', 'must be 18 characters, got 19'],
    ['44052418800101001😀', "check character must be a digit or X, got '😀'"],
    ['4405241880010100X4', "position 17 must be a digit, got 'X'"],
    ['44052418800101 014', 'position 15 must be a digit, got U+0020'],
    ['11010519491231002A', "check character must be a digit or X, got 'A'"],
    ['440524188001010015', "check character should be '4', got '5'"],
    ['11010519491231002Y', "check character must be a digit or X, got 'Y'"],
    ['1'.repeat(65), 'is too long: more than 64 characters'],
  ])('%j', (input, reason) => {
    expect(parseResidentId(input)).toEqual({ valid: false, reason });
  });

  it('refuses an area code starting with 0 even when the check character fits', () => {
    expect(parseResidentId(makeId('010105', '19491231', '002'))).toEqual({
      valid: false,
      reason: 'area code cannot start with 0',
    });
  });

  it.each([
    [undefined, 'must be text, got undefined'],
    [null, 'must be text, got null'],
    [44052418, 'must be text, got number'],
  ])('refuses the non-string %p', (input: unknown, reason) => {
    expect(parseResidentId(input as string)).toEqual({ valid: false, reason });
  });
});

describe('residentIdCheckCharacter', () => {
  it('computes the standard example by hand', () => {
    // Digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
    // 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 mod 11 = 2 → X.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each(['4405241880010100', '440524188001010014', '44052418800101001X', '44052418800101001 '])(
    'throws for malformed input %j',
    (first17) => {
      expect(() => residentIdCheckCharacter(first17)).toThrow(RangeError);
    },
  );
});
