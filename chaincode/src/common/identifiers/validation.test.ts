import {
  MAX_INPUT_LENGTH,
  asciiUpperCase,
  codePoints,
  describeCharacter,
  isAsciiDigits,
  prepareInput,
} from './validation';

describe('prepareInput', () => {
  it.each([
    ['abc', 'abc'],
    ['  abc\t\n', 'abc'],
    ['\u3000abc\u3000', 'abc'],
    ['a b', 'a b'],
  ])('trims %j to %j', (input, value) => {
    expect(prepareInput(input)).toEqual({ valid: true, value });
  });

  it.each([
    ['', 'is empty'],
    [' \t\r\n\u3000', 'is empty'],
    ['x'.repeat(MAX_INPUT_LENGTH + 1), 'is too long: more than 64 characters'],
    [' '.repeat(MAX_INPUT_LENGTH) + 'x', 'is too long: more than 64 characters'],
  ])('refuses %j', (input, reason) => {
    expect(prepareInput(input)).toEqual({ valid: false, reason });
  });

  it('accepts exactly 64 characters', () => {
    expect(prepareInput('x'.repeat(MAX_INPUT_LENGTH))).toMatchObject({ valid: true });
  });

  it.each([
    [undefined, 'must be text, got undefined'],
    [null, 'must be text, got null'],
    [17, 'must be text, got number'],
    [{ length: 3 }, 'must be text, got object'],
  ])('refuses the non-string %p', (input, reason) => {
    expect(prepareInput(input)).toEqual({ valid: false, reason });
  });
});

describe('asciiUpperCase', () => {
  it('upper-cases ASCII letters only', () => {
    expect(asciiUpperCase('abz09AZx')).toBe('ABZ09AZX');
  });

  it.each(['ﬀ', 'ı', 'ß', 'ａ', 'é'])('leaves the non-ASCII %j alone', (character) => {
    expect(asciiUpperCase(character)).toBe(character);
  });
});

describe('describeCharacter', () => {
  it.each([
    ['A', "'A'"],
    ['中', "'中'"],
    ['😀', "'😀'"],
    [' ', 'U+0020'],
    ['\t', 'U+0009'],
    ['\u3000', 'U+3000'],
    ['\u00a0', 'U+00A0'],
    ['', 'nothing'],
  ])('%j → %s', (character, shown) => {
    expect(describeCharacter(character)).toBe(shown);
  });
});

describe('codePoints and isAsciiDigits', () => {
  it('counts an emoji as one character', () => {
    expect(codePoints('a😀b')).toEqual(['a', '😀', 'b']);
  });

  it.each([
    ['0123456789', true],
    ['', false],
    ['12a', false],
    ['１２', false],
  ])('isAsciiDigits(%j) is %s', (text, expected) => {
    expect(isAsciiDigits(text)).toBe(expected);
  });
});
