// How each identifier is described to API clients (the gateway's OpenAPI document): a pattern of its
// canonical layout, built from the same constants the parsers check, and a format name for the rule a
// pattern cannot say (a check character, a real birth date). A client that honours both sends only
// identifiers the parsers accept; identifier-formats.test.ts shows that for every format.

import { BAG_BARCODE_LENGTH, BAG_CATEGORY_CODES } from './bag-barcode';
import {
  CERTIFICATE_KIND_WORDS,
  MAX_PLACE_NAME_LENGTH,
  PLACE_NAME_ENDINGS,
  PROVINCE_ABBREVIATIONS,
} from './certificate-number';
import { RESIDENT_ID_LENGTH } from './resident-id';
import { FIXTURE_TYPES, NO_FIXTURE_UNIT, PARCEL_OWNERSHIPS, PARCEL_TYPES } from './unit-number';
import { USCC_ALPHABET, USCC_LENGTH } from './uscc';

export interface IdentifierFormat {
  /** The OpenAPI `format` name. */
  readonly format: string;
  /** An ECMAScript pattern (with the `u` flag) of the canonical layout; the parsers accept more spellings. */
  readonly pattern: string;
  /** What the pattern cannot say, for people reading the document. */
  readonly rule: string;
}

const oneOf = (values: readonly string[]): string => `(?:${values.join('|')})`;

export const IdentifierFormats = {
  unitNumber: {
    format: 'gb-unit-number',
    pattern:
      `^[0-9]{12}[${PARCEL_OWNERSHIPS.join('')}][${PARCEL_TYPES.join('')}][0-9]{5}` +
      // fixture type W (no fixture) has no fixture unit
      `(?:[${FIXTURE_TYPES.filter((type) => type !== 'W').join('')}][0-9]{8}|W${NO_FIXTURE_UNIT})$`,
    rule: 'Real-estate unit number (不动产单元代码, 28 characters, GB/T 37346); case-insensitive',
  },
  certificateNumber: {
    format: 'gb-certificate-number',
    pattern:
      `^${oneOf(PROVINCE_ABBREVIATIONS)}[(（](?:199[0-9]|20[0-9]{2}|2100)[)）]` +
      `[\\u4e00-\\u9fff]{0,${MAX_PLACE_NAME_LENGTH - 1}}[${PLACE_NAME_ENDINGS.join('')}]` +
      `${oneOf(Object.values(CERTIFICATE_KIND_WORDS))}第[0-9]{7,8}号$`,
    rule: 'Real-estate certificate number as printed; half- or full-width brackets',
  },
  residentId: {
    format: 'gb11643',
    pattern: `^[1-9][0-9]{${RESIDENT_ID_LENGTH - 2}}[0-9X]$`,
    rule: 'Resident ID number (GB 11643): positions 7-14 a real birth date not in the future, position 18 the ISO 7064 MOD 11-2 check character; x accepted for X',
  },
  uscc: {
    format: 'gb32100',
    pattern: `^[${USCC_ALPHABET}]{2}[0-9]{6}[${USCC_ALPHABET}]{${USCC_LENGTH - 8}}$`,
    rule: 'Unified social credit code (GB 32100): position 17 the GB 11714 organisation-code check character, position 18 the GB 32100 check character; letters I, O, S, V, Z never occur',
  },
  caseId: {
    format: 'govtrace-case-id',
    pattern: `^BO-[${USCC_ALPHABET}]{2}[0-9]{6}[${USCC_ALPHABET}]{${USCC_LENGTH - 8}}$`,
    rule: 'Business-opening case id: BO- and the unified social credit code of the enterprise (GB 32100, both checks)',
  },
  bagBarcode: {
    format: 'govtrace-bag-barcode',
    pattern: `^[0-9]{6}${oneOf(BAG_CATEGORY_CODES)}[0-9]{${BAG_BARCODE_LENGTH - 8}}$`,
    rule: 'Waste bag barcode: district (6 digits), category, serial (9 digits) and a GS1 mod-10 check digit',
  },
} as const satisfies Record<string, IdentifierFormat>;
