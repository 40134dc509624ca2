import { isValidCertificateNumber, parseCertificateNumber } from './certificate-number';

// Written from DESIGN.md, independently of certificate-number.ts.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台';
const DIGITS = '0123456789';
const ENDINGS = '市县区州旗';
/** Ideographs used as substitutes, including one each from extension A, extension B and the compatibility block. */
const IDEOGRAPHS = [
  '东',
  '中',
  '不',
  '动',
  '产',
  '权',
  '证',
  '明',
  '第',
  '号',
  '盟',
  '镇',
  '㐀',
  '𠀋',
  '豈',
  ...ENDINGS,
];
/** Look-alikes and other characters that are not CJK ideographs. */
const NOT_IDEOGRAPHS = ['A', 'a', '〇', '·', '＃', '０', '😀', '-', ' ', '\u3000'];
const REPLACEMENTS = [
  ...DIGITS,
  '(',
  ')',
  '（',
  '）',
  '京',
  '沪',
  '粤',
  '台',
  ...IDEOGRAPHS,
  ...NOT_IDEOGRAPHS,
];

interface Example {
  readonly text: string;
  readonly province: string;
  readonly year: number;
  readonly city: string;
  readonly kindWord: '不动产权' | '不动产证明';
  readonly serial: string;
}

function example(text: string, city: string, kindWord: Example['kindWord'], serial: string): Example {
  return {
    text,
    province: Array.from(text)[0] ?? '',
    year: Number(text.slice(2, 6)),
    city,
    kindWord,
    serial,
  };
}

const EXAMPLES: readonly Example[] = [
  example('粤(2026)广州市不动产权第09400110号', '广州市', '不动产权', '09400110'),
  example('粤（2026）广州市不动产权第09400110号', '广州市', '不动产权', '09400110'),
  example('粤(2026)广州市不动产证明第0001234号', '广州市', '不动产证明', '0001234'),
  example('粤（2026）广州市不动产证明第0001234号', '广州市', '不动产证明', '0001234'),
  example('京(2019)朝阳区不动产权第0012345号', '朝阳区', '不动产权', '0012345'),
  example('蒙(2024)鄂温克族自治旗不动产证明第00000001号', '鄂温克族自治旗', '不动产证明', '00000001'),
  example('吉(2021)延边朝鲜族自治州不动产权第1234567号', '延边朝鲜族自治州', '不动产权', '1234567'),
  example('湘(2100)江华瑶族自治县不动产证明第99999999号', '江华瑶族自治县', '不动产证明', '99999999'),
];

/** Every ideograph this file uses: the substitutes, the provinces and the examples' place names. */
const KNOWN_IDEOGRAPHS = [
  ...IDEOGRAPHS,
  ...PROVINCES,
  ...EXAMPLES.flatMap((entry) => Array.from(entry.city)),
];

/** Allowed characters per position of an example, from its parts. */
function layoutOf(entry: Example): readonly (readonly string[])[] {
  const cityLength = Array.from(entry.city).length;
  const cityClasses = Array.from(entry.city, (_, index) =>
    index === cityLength - 1 ? Array.from(ENDINGS) : KNOWN_IDEOGRAPHS,
  );
  return [
    Array.from(PROVINCES),
    ['(', '（'],
    ...Array.from({ length: 4 }, () => Array.from(DIGITS)),
    [')', '）'],
    ...cityClasses,
    ...Array.from(entry.kindWord, (character) => [character]),
    ['第'],
    ...Array.from(entry.serial, () => Array.from(DIGITS)),
    ['号'],
  ];
}

/** Expected verdict for a single-character substitution of `entry`: its class, plus the year range. */
function expectedVerdict(entry: Example, candidate: string): boolean {
  const characters = Array.from(candidate);
  const layout = layoutOf(entry);
  const classesFit =
    characters.length === layout.length &&
    characters.every((character, index) => (layout[index] ?? []).includes(character));
  const year = Number(characters.slice(2, 6).join(''));
  return classesFit && year >= 1990 && year <= 2100;
}

function halfWidthBrackets(text: string): string {
  return text.replace('（', '(').replace('）', ')');
}

function replaceAt(text: string, index: number, replacement: string): string {
  const characters = Array.from(text);
  characters[index] = replacement;
  return characters.join('');
}

describe('parseCertificateNumber: valid numbers', () => {
  it('parses a title certificate', () => {
    expect(parseCertificateNumber('粤(2026)广州市不动产权第09400110号')).toEqual({
      valid: true,
      value: {
        canonical: '粤(2026)广州市不动产权第09400110号',
        province: '粤',
        year: 2026,
        city: '广州市',
        kind: 'TITLE',
        serial: '09400110',
      },
    });
  });

  it('parses a registration certificate written with full-width brackets into the half-width form', () => {
    expect(parseCertificateNumber('粤（2026）广州市不动产证明第0001234号')).toEqual({
      valid: true,
      value: {
        canonical: '粤(2026)广州市不动产证明第0001234号',
        province: '粤',
        year: 2026,
        city: '广州市',
        kind: 'REGISTRATION',
        serial: '0001234',
      },
    });
  });

  it.each(EXAMPLES)('accepts $text', (entry) => {
    const kind = entry.kindWord === '不动产权' ? 'TITLE' : 'REGISTRATION';
    expect(parseCertificateNumber(entry.text)).toEqual({
      valid: true,
      value: {
        canonical: halfWidthBrackets(entry.text),
        province: entry.province,
        year: entry.year,
        city: entry.city,
        kind,
        serial: entry.serial,
      },
    });
    expect(expectedVerdict(entry, entry.text)).toBe(true);
  });

  it('knows 34 distinct province abbreviations and accepts each', () => {
    const provinces = Array.from(PROVINCES);
    expect(new Set(provinces).size).toBe(34);
    const refused = provinces.filter(
      (province) => !isValidCertificateNumber(`${province}(2026)某市不动产权第0000001号`),
    );
    expect(refused).toEqual([]);
  });

  it.each(Array.from(ENDINGS))('accepts a place name ending in %s', (ending) => {
    expect(isValidCertificateNumber(`粤(2026)从化${ending}不动产权第0000001号`)).toBe(true);
  });

  it.each([
    ['粤(2026)广州市不动产权第0000001号', '粤(2026)广州市不动产权第0000001号'],
    ['粤（2026)广州市不动产权第0000001号', '粤(2026)广州市不动产权第0000001号'],
    ['粤(2026）广州市不动产权第0000001号', '粤(2026)广州市不动产权第0000001号'],
    ['  粤（2026）广州市不动产权第0000001号\n', '粤(2026)广州市不动产权第0000001号'],
    ['\u3000粤(2026)广州市不动产权第0000001号\u3000', '粤(2026)广州市不动产权第0000001号'],
  ])('stores %j as %s', (input, canonical) => {
    expect(parseCertificateNumber(input)).toMatchObject({ valid: true, value: { canonical } });
  });

  it.each([
    ['粤(1990)广州市不动产权第0000001号', true],
    ['粤(1989)广州市不动产权第0000001号', false],
    ['粤(2100)广州市不动产权第0000001号', true],
    ['粤(2101)广州市不动产权第0000001号', false],
    ['粤(2026)市不动产权第0000001号', true], // one character, the shortest the rule allows
    ['粤(2026)一二三四五六七八九十一二三四市不动产权第0000001号', true], // 15 characters
    ['粤(2026)一二三四五六七八九十一二三四五市不动产权第0000001号', false], // 16 characters
  ])('%s → %s', (input, valid) => {
    expect(isValidCertificateNumber(input)).toBe(valid);
  });
});

describe('parseCertificateNumber: single-character substitutions follow the position classes', () => {
  const cases = EXAMPLES.flatMap((entry) =>
    Array.from(entry.text, (_, index) => [entry.text, index + 1, entry] as const),
  );

  it.each(cases)('%s, position %d', (text, position, entry) => {
    const original = Array.from(text)[position - 1];
    const verdicts = REPLACEMENTS.filter((replacement) => replacement !== original).map((replacement) => {
      const mutant = replaceAt(text, position - 1, replacement);
      return { mutant, expected: expectedVerdict(entry, mutant), actual: isValidCertificateNumber(mutant) };
    });
    expect(verdicts.filter((verdict) => verdict.expected !== verdict.actual)).toEqual([]);
    expect(verdicts.some((verdict) => !verdict.expected)).toBe(true);
    for (const { mutant, expected } of verdicts) {
      if (expected) {
        expect(parseCertificateNumber(mutant)).toMatchObject({
          value: { canonical: halfWidthBrackets(mutant) },
        });
      }
    }
  });
});

describe('parseCertificateNumber: reasons', () => {
  it.each([
    ['', 'is empty'],
    [
      '中(2026)广州市不动产权第09400110号',
      "must start with a province abbreviation such as 粤 or 京, got '中'",
    ],
    ['(2026)广州市不动产权第09400110号', "must start with a province abbreviation such as 粤 or 京, got '('"],
    [
      '粤[2026]广州市不动产权第09400110号',
      "the year must follow the province in brackets: expected '(' at position 2, got '['",
    ],
    ['粤(26)广州市不动产权第09400110号', "the year (positions 3–6) must be 4 digits, got '26)广'"],
    ['粤(２０２６)广州市不动产权第09400110号', "the year (positions 3–6) must be 4 digits, got '２０２６'"],
    ['粤(1989)广州市不动产权第09400110号', 'year 1989 is outside 1990–2100'],
    ['粤(20261)广州市不动产权第09400110号', "expected ')' after the year at position 7, got '1'"],
    ['粤(2026', "expected ')' after the year at position 7, got nothing"],
    ['粤', "the year must follow the province in brackets: expected '(' at position 2, got nothing"],
    ['粤(2026)广州市不动产权第09400110', 'must end with 号'],
    ['粤(2026)广州市不动产权第094001号', 'the serial number before 号 must be 7 or 8 digits, got 6'],
    ['粤(2026)广州市不动产权第094001100号', 'the serial number before 号 must be 7 or 8 digits, got 9'],
    [
      '粤(2026)广州市不动产权第０９４００１１０号',
      'the serial number before 号 must be 7 or 8 digits, got 0',
    ],
    ['粤(2026)广州市不动产权09400110号', 'expected 第 before the serial number'],
    ['粤(2026)广州市不动产权 第09400110号', 'expected 不动产权 or 不动产证明 before 第'],
    ['粤(2026)广州市房产证第09400110号', 'expected 不动产权 or 不动产证明 before 第'],
    ['粤(2026)不动产权第09400110号', 'the issuing city or county is missing after the year'],
    [
      '粤(2026)广州 市不动产权第09400110号',
      'the issuing city or county name must be Chinese characters, got U+0020',
    ],
    [
      '粤(2026)Guangzhou市不动产权第09400110号',
      "the issuing city or county name must be Chinese characters, got 'G'",
    ],
    [
      '粤(2026)锡林郭勒盟不动产权第09400110号',
      "the issuing place '锡林郭勒盟' must end in 市, 县, 区, 州, 旗",
    ],
    [
      '粤(2026)一二三四五六七八九十一二三四五市不动产权第0000001号',
      'the issuing city or county name is longer than 15 characters',
    ],
    ['粤(2026)广州市不动产权第09400110号'.padEnd(65, '号'), 'is too long: more than 64 characters'],
  ])('%j', (input, reason) => {
    expect(parseCertificateNumber(input)).toEqual({ valid: false, reason });
  });

  it.each([undefined, null, 2026, ['粤']])('refuses the non-string %p', (input) => {
    expect(isValidCertificateNumber(input as unknown as string)).toBe(false);
  });

  it('refuses an emoji anywhere in the place name', () => {
    expect(parseCertificateNumber('粤(2026)广😀市不动产权第09400110号')).toEqual({
      valid: false,
      reason: "the issuing city or county name must be Chinese characters, got '😀'",
    });
  });
});
