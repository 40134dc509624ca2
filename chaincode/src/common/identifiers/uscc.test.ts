import { isValidUscc, organisationCodeCheck, parseUscc, usccCheckCharacter } from './uscc';

// Independent reference for the check characters, written from DESIGN.md rather than from uscc.ts: the
// weights are derived (3^(i−1) mod 31) instead of copied, so a typo in either table makes tests fail.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORGANISATION_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function referenceUsccCheck(first17: string): string {
  let weight = 1;
  let sum = 0;
  for (const character of first17) {
    sum += ALPHABET.indexOf(character) * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

function referenceOrganisationCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  Array.from(first8).forEach((character, index) => {
    sum += ORGANISATION_VALUES.indexOf(character) * (weights[index] ?? Number.NaN);
  });
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : String(check % 11);
}

/** A complete code from its first 16 characters, using the reference checks. */
function completeCode(first16: string): string {
  const first17 = first16 + referenceOrganisationCheck(first16.slice(8, 16));
  return first17 + referenceUsccCheck(first17);
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so failures reproduce. */
function randomSource(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

function replaceAt(text: string, index: number, replacement: string): string {
  const characters = Array.from(text);
  characters[index] = replacement;
  return characters.join('');
}

// The GB 32100-2015 example, then codes from published business licences. Each one passes both the
// organisation-code check (pos 17) and the USCC check (pos 18), which a mistyped code does 1 time in 341.
const PUBLISHED = [
  '91350100M000100Y43',
  '914403001922038216',
  '9144030071526726XG',
  '91330100799655058B',
  '91110000802100433B',
  '911100001000044477',
  '91110108551385082Q',
];

describe('parseUscc: valid codes', () => {
  it.each(PUBLISHED)('accepts %s', (code) => {
    expect(parseUscc(code)).toMatchObject({ valid: true, value: { canonical: code } });
    expect(isValidUscc(code)).toBe(true);
  });

  it('splits the standard example into its parts', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      valid: true,
      value: {
        canonical: '91350100M000100Y43',
        registrationAuthority: '9',
        category: '1',
        divisionCode: '350100',
        organisationCode: 'M000100Y4',
        check: '3',
      },
    });
  });

  it('accepts X as the organisation code check character (11 − Σ mod 11 = 10)', () => {
    expect(parseUscc('9144030071526726XG')).toMatchObject({
      valid: true,
      value: { organisationCode: '71526726X' },
    });
  });

  it('agrees with the reference on 500 generated codes, and refuses every other check character', () => {
    const random = randomSource(20260501);
    const pick = (symbols: string): string => symbols.charAt(random(symbols.length));
    for (let round = 0; round < 500; round += 1) {
      let first16 = pick(ALPHABET) + pick(ALPHABET);
      for (let index = 0; index < 6; index += 1) first16 += pick('0123456789');
      for (let index = 0; index < 8; index += 1) first16 += pick(ALPHABET);
      const code = completeCode(first16);
      expect(parseUscc(code)).toMatchObject({ valid: true, value: { canonical: code } });
      const wrongChecks = Array.from(ALPHABET).filter((check) => check !== code.charAt(17));
      const accepted = wrongChecks.filter((check) => isValidUscc(code.slice(0, 17) + check));
      expect(accepted).toEqual([]);
    }
  });
});

describe('parseUscc: every single-character substitution is refused', () => {
  // The whole alphabet, the five letters the standard leaves out, lower-case letters, and characters
  // that only look like code symbols (full-width 0 and A, CJK, emoji, punctuation, space).
  const replacements = [
    ...ALPHABET,
    ...'IOSVZ',
    ...'abcdefghijklmnopqrstuvwxyz',
    '０',
    'Ａ',
    '中',
    '😀',
    '-',
    ' ',
    '\u3000',
  ];
  const cases = PUBLISHED.flatMap((code) => Array.from(code, (_, index) => [code, index + 1] as const));

  it.each(cases)('%s, position %d', (code, position) => {
    const original = code.charAt(position - 1);
    // A lower-case twin of the original is the same code, not a mutation; it is tested below.
    const mutations = replacements.filter((replacement) => replacement.toUpperCase() !== original);
    expect(mutations.length).toBeGreaterThan(50);
    const accepted = mutations
      .map((replacement) => replaceAt(code, position - 1, replacement))
      .filter((mutant) => isValidUscc(mutant));
    expect(accepted).toEqual([]);
  });
});

describe('parseUscc: normalisation', () => {
  it('upper-cases lower-case letters', () => {
    expect(parseUscc('91350100m000100y43')).toMatchObject({
      valid: true,
      value: { canonical: '91350100M000100Y43', organisationCode: 'M000100Y4' },
    });
    expect(parseUscc('9144030071526726xg')).toMatchObject({
      valid: true,
      value: { canonical: '9144030071526726XG' },
    });
  });

  it.each([
    ' 91350100M000100Y43',
    '91350100M000100Y43 ',
    '\t91350100M000100Y43\n',
    '\u300091350100M000100Y43',
  ])('trims surrounding whitespace in %j', (input) => {
    expect(parseUscc(input)).toMatchObject({ valid: true, value: { canonical: '91350100M000100Y43' } });
  });

  it('does not let Unicode case mapping turn a ligature into two letters', () => {
    // 'ﬀ'.toUpperCase() is "FF"; a code containing FF must not be matched by one typed with the ligature.
    const code = completeCode('91440101MAFF0001');
    expect(isValidUscc(code)).toBe(true);
    expect(parseUscc(code.replace('FF', 'ﬀ'))).toEqual({
      valid: false,
      reason: 'must be 18 characters, got 17',
    });
  });
});

describe('parseUscc: reasons', () => {
  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['91350100M000100Y4', 'must be 18 characters, got 17'],
    ['91350100M000100Y433', 'must be 18 characters, got 19'],
    ['9135 0100M000100Y43', 'must be 18 characters, got 19'],
  ])('%j', (input, reason) => {
    expect(parseUscc(input)).toEqual({ valid: false, reason });
  });

  it('counts an emoji as one character and names it', () => {
    expect(parseUscc('91350100M000100Y4😀')).toEqual({
      valid: false,
      reason:
        "character '😀' at position 18 is not allowed (only digits and capital letters except I, O, S, V, Z)",
    });
  });

  it('names a letter the standard leaves out', () => {
    expect(parseUscc('91350100M0001O0Y43')).toEqual({
      valid: false,
      reason:
        "character 'O' at position 14 is not allowed (only digits and capital letters except I, O, S, V, Z)",
    });
  });

  it.each([3, 4, 5, 6, 7, 8])('requires a digit at position %d (division code)', (position) => {
    // Letters are code symbols, so both checks are made to pass: only the division code is wrong.
    const code = completeCode(replaceAt('91350100M000100Y', position - 1, 'A'));
    expect(parseUscc(code)).toEqual({
      valid: false,
      reason: `position ${position} is part of the division code and must be a digit, got 'A'`,
    });
  });

  it.each([1, 2, 9, 16])('accepts a letter at position %d', (position) => {
    const code = completeCode(replaceAt('91350100M000100Y', position - 1, 'A'));
    expect(parseUscc(code)).toMatchObject({ valid: true, value: { canonical: code } });
  });

  it('reports the organisation code check before the code check', () => {
    expect(parseUscc('91350100M000100Y53')).toEqual({
      valid: false,
      reason: "organisation code check character (position 17) should be '4', got '5'",
    });
  });

  it('reports a wrong check character with the expected one', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({
      valid: false,
      reason: "check character should be '3', got '4'",
    });
  });

  it('refuses over-long input before looking at it', () => {
    expect(parseUscc('9'.repeat(65))).toEqual({
      valid: false,
      reason: 'is too long: more than 64 characters',
    });
    expect(parseUscc(' '.repeat(100_000) + '91350100M000100Y43')).toEqual({
      valid: false,
      reason: 'is too long: more than 64 characters',
    });
  });

  it.each([
    [undefined, 'must be text, got undefined'],
    [null, 'must be text, got null'],
    [91350100, 'must be text, got number'],
    [{}, 'must be text, got object'],
  ])('refuses the non-string %p that JSON arguments can carry', (input: unknown, reason) => {
    expect(parseUscc(input as string)).toEqual({ valid: false, reason });
  });
});

describe('usccCheckCharacter', () => {
  it('computes the standard example by hand', () => {
    // Values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640;
    // 1640 mod 31 = 28, 31 − 28 = 3.
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it.each(['91350100M000100Y', '91350100M000100Y43', '91350100M000100I4', '91350100m000100Y4'])(
    'throws for malformed input %j',
    (first17) => {
      expect(() => usccCheckCharacter(first17)).toThrow(RangeError);
    },
  );
});

describe('organisationCodeCheck', () => {
  it.each([
    // GB 11714's example D2143569-X: D=13. 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X.
    ['D2143569', 'X'],
    // M=22, Y=34: 66+0+0+0+5+0+0+68 = 139; 139 mod 11 = 7; 11 − 7 = 4.
    ['M000100Y', '4'],
    // Σ = 0: 11 − 0 = 11 → 0.
    ['00000000', '0'],
    // Letters left out of the USCC alphabet still have GB 11714 values: I=18, 18×3 = 54; 54 mod 11 = 10 → 1.
    ['I0000000', '1'],
  ])('%s → %s', (first8, check) => {
    expect(organisationCodeCheck(first8)).toBe(check);
  });

  it.each(['D214356', 'D2143569X', 'd2143569', 'D214356-'])('throws for malformed input %j', (first8) => {
    expect(() => organisationCodeCheck(first8)).toThrow(RangeError);
  });
});
