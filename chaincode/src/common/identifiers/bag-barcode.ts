// Waste-bag barcode (our own format), 18 digits:
//
//   pos 1–6    district code (administrative division code of the issuing district)
//   pos 7–8    category: 01 recyclables 可回收物, 02 food waste 厨余垃圾, 03 hazardous 有害垃圾,
//              04 residual 其他垃圾 (Guangzhou's four)
//   pos 9–17   serial
//   pos 18     GS1 mod-10 check digit, the same rule as GTIN/SSCC, so ordinary scanners and label
//              printers can compute and verify it
//
// Bags are scanned hundreds an hour at stations; the check digit catches every single-digit misread.

import { type Validation, describeCharacter, fail, isAsciiDigit, ok, prepareFixedLength } from './validation';

export const BAG_BARCODE_LENGTH = 18;
export const MAX_BAG_SERIAL = 999_999_999;

/** Category name → two-digit code printed in the barcode. */
export const BagCategory = {
  RECYCLABLE: '01',
  FOOD: '02',
  HAZARDOUS: '03',
  RESIDUAL: '04',
} as const;
export type BagCategoryName = keyof typeof BagCategory;
export type BagCategoryCode = (typeof BagCategory)[BagCategoryName];

/** Two-digit code → category name, the reverse of BagCategory. */
export const BAG_CATEGORY_NAMES: { readonly [Code in BagCategoryCode]: BagCategoryName } = {
  '01': 'RECYCLABLE',
  '02': 'FOOD',
  '03': 'HAZARDOUS',
  '04': 'RESIDUAL',
};

export const BAG_CATEGORY_CODES: readonly BagCategoryCode[] = ['01', '02', '03', '04'];

export interface ParsedBagBarcode {
  /** Trimmed, 18 digits. */
  readonly canonical: string;
  readonly districtCode: string;
  readonly category: BagCategoryCode;
  readonly categoryName: BagCategoryName;
  readonly serial: number;
  readonly check: number;
}

/**
 * GS1 mod-10 check digit over 17 digits: weights 3, 1, 3, 1 … counted from the rightmost digit, check =
 * (10 − Σ mod 10) mod 10. Throws RangeError on malformed input: this is for printing barcodes.
 */
export function bagBarcodeCheckDigit(first17: string): number {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new RangeError('bagBarcodeCheckDigit needs 17 digits');
  }
  let sum = 0;
  for (let index = 0; index < first17.length; index += 1) {
    const fromRight = first17.length - 1 - index;
    sum += (first17.charCodeAt(index) - 48) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Builds the barcode for bag `serial` (0 … 999 999 999) of `category` issued in `districtCode` (6 digits).
 * Throws RangeError on bad arguments: the issuing code must not print an unreadable label.
 */
export function makeBagBarcode(districtCode: string, category: BagCategoryCode, serial: number): string {
  if (!/^[0-9]{6}$/.test(districtCode)) {
    throw new RangeError(`district code must be 6 digits, got '${districtCode}'`);
  }
  if (!BAG_CATEGORY_CODES.includes(category)) {
    throw new RangeError(
      `category must be one of ${BAG_CATEGORY_CODES.join(', ')}, got '${String(category)}'`,
    );
  }
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > MAX_BAG_SERIAL) {
    throw new RangeError(`serial must be a whole number from 0 to ${MAX_BAG_SERIAL}, got ${serial}`);
  }
  const first17 = `${districtCode}${category}${String(serial).padStart(9, '0')}`;
  return `${first17}${bagBarcodeCheckDigit(first17)}`;
}

export function parseBagBarcode(input: string): Validation<ParsedBagBarcode> {
  const prepared = prepareFixedLength(input, BAG_BARCODE_LENGTH);
  if (!prepared.valid) {
    return prepared;
  }
  const { characters } = prepared.value;
  const bad = characters.findIndex((character) => !isAsciiDigit(character));
  if (bad >= 0) {
    return fail(`position ${bad + 1} must be a digit, got ${describeCharacter(characters[bad] ?? '')}`);
  }
  // All 18 characters are ASCII digits from here on.
  const code = prepared.value.text;
  const categoryDigits = code.slice(6, 8);
  const category = BAG_CATEGORY_CODES.find((candidate) => candidate === categoryDigits);
  if (category === undefined) {
    return fail(`category (positions 7–8) must be ${BAG_CATEGORY_CODES.join(', ')}, got ${categoryDigits}`);
  }
  const expectedCheck = bagBarcodeCheckDigit(code.slice(0, 17));
  const check = code.charCodeAt(17) - 48;
  if (check !== expectedCheck) {
    return fail(`check digit should be ${expectedCheck}, got ${check}`);
  }
  return ok({
    canonical: code,
    districtCode: code.slice(0, 6),
    category,
    categoryName: BAG_CATEGORY_NAMES[category],
    serial: Number(code.slice(8, 17)),
    check,
  });
}

export function isValidBagBarcode(input: string): boolean {
  return parseBagBarcode(input).valid;
}
