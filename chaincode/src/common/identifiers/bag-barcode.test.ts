import {
  BAG_CATEGORY_NAMES,
  BagCategory,
  type BagCategoryCode,
  bagBarcodeCheckDigit,
  isValidBagBarcode,
  makeBagBarcode,
  parseBagBarcode,
} from './bag-barcode';

// Check digits computed by hand. Weights run 3, 1, 3, 1 … from the right over the first 17 digits, so
// odd positions (1, 3, …, 17) weigh 3 and even positions weigh 1.
const HAND_COMPUTED = [
  // 440106 01 000000001: odd 4+0+0+0+0+0+0+0+1 = 5 → 15; even 4+1+6+1+0+0+0+0 = 12; Σ = 27 → (10 − 7) = 3
  { barcode: '440106010000000013', district: '440106', category: '01', serial: 1, check: 3 },
  // 440106 04 123456789: odd 4+0+0+0+1+3+5+7+9 = 29 → 87; even 4+1+6+4+2+4+6+8 = 35; Σ = 122 → 8
  { barcode: '440106041234567898', district: '440106', category: '04', serial: 123456789, check: 8 },
  // 440103 03 999999999: odd 4+0+0+0+9+9+9+9+9 = 49 → 147; even 4+1+3+3+9+9+9+9 = 47; Σ = 194 → 6
  { barcode: '440103039999999996', district: '440103', category: '03', serial: 999999999, check: 6 },
  // 440111 02 000000000: odd 4+0+1+0+0+0+0+0+0 = 5 → 15; even 4+1+1+2+0+0+0+0 = 8; Σ = 23 → 7
  { barcode: '440111020000000007', district: '440111', category: '02', serial: 0, check: 7 },
  // 440105 01 000000050: odd 4+0+0+0+0+0+0+0+0 = 4 → 12; even 4+1+5+1+0+0+0+5 = 16; Σ = 28 → 2
  { barcode: '440105010000000502', district: '440105', category: '01', serial: 50, check: 2 },
] as const;

function replaceAt(text: string, index: number, replacement: string): string {
  const characters = Array.from(text);
  characters[index] = replacement;
  return characters.join('');
}

describe('bagBarcodeCheckDigit', () => {
  it.each(HAND_COMPUTED)('$barcode has check digit $check', ({ barcode, check }) => {
    expect(bagBarcodeCheckDigit(barcode.slice(0, 17))).toBe(check);
  });

  it("matches GS1's own SSCC example 1 0614141 123456789 7", () => {
    expect(bagBarcodeCheckDigit('10614141123456789')).toBe(7);
  });

  it('writes a sum ending in 0 as check digit 0, not 10', () => {
    // Odd positions all 0, even positions 1+1+1+1+1+1+1+3 = 10 → Σ = 10, Σ mod 10 = 0.
    expect(bagBarcodeCheckDigit('01010101010101030')).toBe(0);
  });

  it.each(['4401060100000000', '440106010000000013', '44010601000000001A', '４40106010000000001'])(
    'throws for malformed input %j',
    (first17) => {
      expect(() => bagBarcodeCheckDigit(first17)).toThrow(RangeError);
    },
  );
});

describe('parseBagBarcode: valid barcodes', () => {
  it.each(HAND_COMPUTED)('parses $barcode', ({ barcode, district, category, serial, check }) => {
    expect(parseBagBarcode(barcode)).toEqual({
      valid: true,
      value: {
        canonical: barcode,
        districtCode: district,
        category,
        categoryName: BAG_CATEGORY_NAMES[category],
        serial,
        check,
      },
    });
  });

  it('names the four categories', () => {
    expect(BagCategory).toEqual({ RECYCLABLE: '01', FOOD: '02', HAZARDOUS: '03', RESIDUAL: '04' });
    expect(BAG_CATEGORY_NAMES).toEqual({
      '01': 'RECYCLABLE',
      '02': 'FOOD',
      '03': 'HAZARDOUS',
      '04': 'RESIDUAL',
    });
    expect(parseBagBarcode('440111020000000007')).toMatchObject({ value: { categoryName: 'FOOD' } });
  });

  it.each([' 440106010000000013', '440106010000000013\r\n', '\u3000440106010000000013'])(
    'trims surrounding whitespace in %j',
    (input) => {
      expect(parseBagBarcode(input)).toMatchObject({
        valid: true,
        value: { canonical: '440106010000000013' },
      });
    },
  );
});

describe('parseBagBarcode: every single-character substitution is refused', () => {
  const replacements = [...'0123456789', 'A', 'O', 'l', '０', '中', '😀', '-', ' ', '.'];
  const cases = HAND_COMPUTED.flatMap(({ barcode }) =>
    Array.from(barcode, (_, index) => [barcode, index + 1] as const),
  );

  it.each(cases)('%s, position %d', (barcode, position) => {
    const mutants = replacements
      .filter((replacement) => replacement !== barcode.charAt(position - 1))
      .map((replacement) => replaceAt(barcode, position - 1, replacement));
    expect(mutants).toHaveLength(replacements.length - 1);
    expect(mutants.filter((mutant) => isValidBagBarcode(mutant))).toEqual([]);
  });
});

describe('parseBagBarcode: reasons', () => {
  it.each([
    ['', 'is empty'],
    ['44010601000000001', 'must be 18 characters, got 17'],
    ['4401060100000000133', 'must be 18 characters, got 19'],
    ['440106 010000000013', 'must be 18 characters, got 19'],
    ['44010601000000001😀', "position 18 must be a digit, got '😀'"],
    ['44010601O000000013', "position 9 must be a digit, got 'O'"],
    ['440106010000000014', 'check digit should be 3, got 4'],
    ['1'.repeat(65), 'is too long: more than 64 characters'],
  ])('%j', (input, reason) => {
    expect(parseBagBarcode(input)).toEqual({ valid: false, reason });
  });

  it.each(['00', '05', '10', '99'])('refuses category %s even with a correct check digit', (category) => {
    const first17 = `440106${category}000000001`;
    const barcode = `${first17}${bagBarcodeCheckDigit(first17)}`;
    expect(parseBagBarcode(barcode)).toEqual({
      valid: false,
      reason: `category (positions 7–8) must be 01, 02, 03, 04, got ${category}`,
    });
  });

  it.each([undefined, null, 440106])('refuses the non-string %p', (input) => {
    expect(isValidBagBarcode(input as unknown as string)).toBe(false);
  });
});

describe('makeBagBarcode', () => {
  it.each(HAND_COMPUTED)('builds $barcode', ({ barcode, district, category, serial }) => {
    expect(makeBagBarcode(district, category, serial)).toBe(barcode);
  });

  it('builds barcodes that parse back to their parts', () => {
    const barcode = makeBagBarcode('440112', BagCategory.HAZARDOUS, 42);
    expect(barcode).toMatch(/^44011203000000042\d$/);
    expect(parseBagBarcode(barcode)).toMatchObject({
      valid: true,
      value: { districtCode: '440112', category: '03', categoryName: 'HAZARDOUS', serial: 42 },
    });
  });

  it.each<[string, string, number]>([
    ['44010', '01', 1],
    ['4401066', '01', 1],
    ['44010a', '01', 1],
    ['440106', '05', 1],
    ['440106', '1', 1],
    ['440106', '01', -1],
    ['440106', '01', 1_000_000_000],
    ['440106', '01', 1.5],
    ['440106', '01', Number.NaN],
  ])('throws for district %j, category %j, serial %p', (district, category, serial) => {
    expect(() => makeBagBarcode(district, category as BagCategoryCode, serial)).toThrow(RangeError);
  });
});
