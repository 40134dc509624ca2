// Real-estate certificate numbers, as printed on the certificate:
//
//   粤(2026)广州市不动产权第09400110号     title certificate (不动产权证书)            kind TITLE
//   粤(2026)广州市不动产证明第0001234号    registration certificate (不动产登记证明)   kind REGISTRATION
//
// province abbreviation, year in brackets, issuing city or county, kind, 第, 7 or 8 digits, 号.
//
// Choices:
// - Brackets: full-width （） and half-width () are both accepted, each bracket on its own (a mixed pair is a
//   typing slip, not a different certificate). The canonical form uses half-width brackets, as the design's
//   examples do, so one certificate has exactly one stored number.
// - Year: four ASCII digits, 1990–2100. Unified real-estate registration began in 2015; earlier years are
//   allowed for certificates migrated from older registers.
// - City or county: 1–15 CJK ideographs ending in 市, 县, 区, 州 or 旗. That covers cities (广州市),
//   counties (从化县), districts (天河区, 神农架林区), autonomous prefectures (延边朝鲜族自治州) and
//   Inner Mongolian banners (鄂温克族自治旗); 15 leaves room for the longest autonomous-county names.
//   Rare ideographs in place names are allowed (CJK extension blocks included).
// - Serial: 7 or 8 ASCII digits; leading zeros are part of the number, so it stays a string.
// No check character exists, so this checks the layout only; uniqueness is the chaincode's job.

import {
  type Validation,
  codePoints,
  describeCharacter,
  fail,
  isAsciiDigit,
  ok,
  prepareInput,
} from './validation';

/** The 34 province-level abbreviations (省级行政区简称). */
// prettier-ignore
export const PROVINCE_ABBREVIATIONS = [
  '京', '津', '沪', '渝', '冀', '豫', '云', '辽', '黑', '湘', '皖', '鲁', '新', '苏', '浙', '赣', '鄂',
  '桂', '甘', '晋', '蒙', '陕', '吉', '闽', '贵', '粤', '青', '藏', '川', '宁', '琼', '港', '澳', '台',
] as const;
export type ProvinceAbbreviation = (typeof PROVINCE_ABBREVIATIONS)[number];

/** Words naming the certificate kind, as printed. */
export const CERTIFICATE_KIND_WORDS = { TITLE: '不动产权', REGISTRATION: '不动产证明' } as const;
export type CertificateKind = keyof typeof CERTIFICATE_KIND_WORDS;
export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['TITLE', 'REGISTRATION'];

export const EARLIEST_CERTIFICATE_YEAR = 1990;
export const LATEST_CERTIFICATE_YEAR = 2100;
export const MAX_PLACE_NAME_LENGTH = 15;
export const PLACE_NAME_ENDINGS = ['市', '县', '区', '州', '旗'] as const;

const OPENING_BRACKETS = ['(', '（'];
const CLOSING_BRACKETS = [')', '）'];

export interface ParsedCertificateNumber {
  /** Trimmed, half-width brackets. */
  readonly canonical: string;
  readonly province: ProvinceAbbreviation;
  readonly year: number;
  /** Issuing city or county, e.g. 广州市. */
  readonly city: string;
  readonly kind: CertificateKind;
  /** 7 or 8 digits, leading zeros kept. */
  readonly serial: string;
}

/** CJK unified ideographs: the basic block, extension A, compatibility ideographs and extensions B–H. */
export function isCjkIdeograph(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x323af)
  );
}

type Head = { readonly province: ProvinceAbbreviation; readonly year: number };
type Tail = { readonly city: string; readonly kind: CertificateKind; readonly serial: string };

/** Province abbreviation, bracketed year: the first 7 characters. */
function parseHead(characters: readonly string[]): Validation<Head> {
  const first = characters[0] ?? '';
  const province = PROVINCE_ABBREVIATIONS.find((abbreviation) => abbreviation === first);
  if (province === undefined) {
    return fail(`must start with a province abbreviation such as 粤 or 京, got ${describeCharacter(first)}`);
  }
  const opening = characters[1] ?? '';
  if (!OPENING_BRACKETS.includes(opening)) {
    return fail(
      `the year must follow the province in brackets: expected '(' at position 2, got ${describeCharacter(opening)}`,
    );
  }
  const yearDigits = characters.slice(2, 6);
  if (yearDigits.length !== 4 || !yearDigits.every(isAsciiDigit)) {
    return fail(`the year (positions 3–6) must be 4 digits, got '${yearDigits.join('')}'`);
  }
  const year = Number(yearDigits.join(''));
  if (year < EARLIEST_CERTIFICATE_YEAR || year > LATEST_CERTIFICATE_YEAR) {
    return fail(`year ${year} is outside ${EARLIEST_CERTIFICATE_YEAR}–${LATEST_CERTIFICATE_YEAR}`);
  }
  const closing = characters[6] ?? '';
  if (!CLOSING_BRACKETS.includes(closing)) {
    return fail(`expected ')' after the year at position 7, got ${describeCharacter(closing)}`);
  }
  return ok({ province, year });
}

/** The issuing place's name, or why it is not one. */
function checkPlaceName(city: readonly string[]): string | undefined {
  if (city.length === 0) {
    return 'the issuing city or county is missing after the year';
  }
  if (city.length > MAX_PLACE_NAME_LENGTH) {
    return `the issuing city or county name is longer than ${MAX_PLACE_NAME_LENGTH} characters`;
  }
  const bad = city.find((character) => !isCjkIdeograph(character));
  if (bad !== undefined) {
    return `the issuing city or county name must be Chinese characters, got ${describeCharacter(bad)}`;
  }
  const last = city[city.length - 1] ?? '';
  if (!PLACE_NAME_ENDINGS.some((ending) => ending === last)) {
    return `the issuing place '${city.join('')}' must end in ${PLACE_NAME_ENDINGS.join(', ')}`;
  }
  return undefined;
}

/**
 * Everything after the bracketed year, read from the end: 号, the serial, 第 and the kind are fixed, so
 * whatever precedes the kind is the place name. Reading from the end avoids guessing where a name stops.
 */
function parseTail(characters: readonly string[]): Validation<Tail> {
  if (characters[characters.length - 1] !== '号') {
    return fail('must end with 号');
  }
  const body = characters.slice(0, -1);
  let serialStart = body.length;
  while (serialStart > 0 && isAsciiDigit(body[serialStart - 1] ?? '')) {
    serialStart -= 1;
  }
  const serial = body.slice(serialStart).join('');
  if (serial.length !== 7 && serial.length !== 8) {
    return fail(`the serial number before 号 must be 7 or 8 digits, got ${serial.length}`);
  }
  if (body[serialStart - 1] !== '第') {
    return fail('expected 第 before the serial number');
  }
  const beforeSerial = body.slice(0, serialStart - 1).join('');
  const kind = CERTIFICATE_KINDS.find((candidate) =>
    beforeSerial.endsWith(CERTIFICATE_KIND_WORDS[candidate]),
  );
  if (kind === undefined) {
    return fail(
      `expected ${CERTIFICATE_KIND_WORDS.TITLE} or ${CERTIFICATE_KIND_WORDS.REGISTRATION} before 第`,
    );
  }
  const city = codePoints(beforeSerial.slice(0, beforeSerial.length - CERTIFICATE_KIND_WORDS[kind].length));
  const cityProblem = checkPlaceName(city);
  if (cityProblem !== undefined) {
    return fail(cityProblem);
  }
  return ok({ city: city.join(''), kind, serial });
}

function formatCertificateNumber(parts: Omit<ParsedCertificateNumber, 'canonical'>): string {
  return `${parts.province}(${parts.year})${parts.city}${CERTIFICATE_KIND_WORDS[parts.kind]}第${parts.serial}号`;
}

export function parseCertificateNumber(input: string): Validation<ParsedCertificateNumber> {
  const prepared = prepareInput(input);
  if (!prepared.valid) {
    return prepared;
  }
  const characters = codePoints(prepared.value);
  const head = parseHead(characters);
  if (!head.valid) {
    return head;
  }
  const tail = parseTail(characters.slice(7));
  if (!tail.valid) {
    return tail;
  }
  const parts = { ...head.value, ...tail.value };
  return ok({ canonical: formatCertificateNumber(parts), ...parts });
}

export function isValidCertificateNumber(input: string): boolean {
  return parseCertificateNumber(input).valid;
}
