// The structured particulars of a unit and of a mortgage: what a certificate prints and a clerk
// searches, so they are fields, not prose.
//
//   property      { location, areaM2, usage }   FIRST and CHANGE; the unit keeps the latest
//   mortgage.term { from, to }                  MORTGAGE; the mortgage encumbrance keeps it
//
// Both are public: they describe the property and the right, not a person. Holders appear on the
// ledger only as masked names and salted ID hashes, so nothing here links an address to an
// identified person; other departments need these facts (the tax bureau assesses deed tax on the
// area and usage), and the certificate content (its hash, the QR code, the citizen's check) must
// cover what the certificate prints. Free text stays private (particulars.ts: description, remarks).
//
// Area is a decimal string with exactly two decimals ("89.50"): no floating point on the ledger, and
// one spelling per value, so equal areas hash equally.

import { type ErrorDetail } from '../common/errors';
import { isCalendarDate } from '../common/identifiers/resident-id';
import { isObject } from './personal-data';
import { type RegistrationType } from './registration-types';

/** The registry's list of usages (用途). */
export const PROPERTY_USAGES = ['住宅', '商业', '办公', '工业', '仓储', '车位', '其他'] as const;
export type PropertyUsage = (typeof PROPERTY_USAGES)[number];

/** Square metres, > 0, exactly two decimals, below 10^8 m². */
export const AREA_M2_PATTERN = /^(?:0|[1-9][0-9]{0,7})\.[0-9]{2}$/;
export const AREA_M2_RULE = 'must be a positive area in m² with exactly two decimals, e.g. "89.50"';
export const MAX_LOCATION_CHARS = 200;
const DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** The types whose request may carry `property`. */
export const PROPERTY_TYPES: readonly RegistrationType[] = ['FIRST', 'CHANGE'];

export interface PropertyParticulars {
  readonly location: string;
  readonly areaM2: string;
  readonly usage: PropertyUsage;
}

export interface MortgageTerm {
  readonly from: string;
  readonly to: string;
}

const isUsage = (value: unknown): value is PropertyUsage =>
  typeof value === 'string' && (PROPERTY_USAGES as readonly string[]).includes(value);

function isDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `property` of the request, checked field by field; null when absent or wrong (problems say why). */
export function parseProperty(
  raw: unknown,
  type: RegistrationType,
  problems: ErrorDetail[],
): PropertyParticulars | null {
  if (raw === undefined || raw === null) return null;
  if (!PROPERTY_TYPES.includes(type)) {
    problems.push({ field: 'property', message: `a ${type} registration records no property particulars` });
    return null;
  }
  if (!isObject(raw)) {
    problems.push({ field: 'property', message: 'must be an object { location, areaM2, usage }' });
    return null;
  }
  const count = problems.length;
  const location = checkedLocation(raw, problems);
  const area = raw.areaM2;
  if (typeof area !== 'string' || !AREA_M2_PATTERN.test(area) || area === '0.00') {
    problems.push({ field: 'property.areaM2', message: AREA_M2_RULE });
  }
  if (!isUsage(raw.usage)) {
    problems.push({ field: 'property.usage', message: `must be one of ${PROPERTY_USAGES.join(' ')}` });
  }
  if (problems.length > count || !isUsage(raw.usage)) return null;
  return { location, areaM2: area as string, usage: raw.usage };
}

/** The trimmed location (problems say when it is not 1 to 200 printable characters); unknown keys refused. */
function checkedLocation(raw: Readonly<Record<string, unknown>>, problems: ErrorDetail[]): string {
  for (const key of Object.keys(raw).filter((name) => !['location', 'areaM2', 'usage'].includes(name))) {
    problems.push({ field: `property.${key}`, message: 'is not a property particular' });
  }
  const location = typeof raw.location === 'string' ? raw.location.trim() : '';
  const chars = [...location].length;
  if (chars === 0 || chars > MAX_LOCATION_CHARS || /\p{Cc}/u.test(location)) {
    problems.push({
      field: 'property.location',
      message: `must be 1 to ${MAX_LOCATION_CHARS} printable characters`,
    });
  }
  return location;
}

/** `mortgage.term`: two calendar dates, `from` not after `to`; null when absent or wrong. */
export function parseMortgageTerm(raw: unknown, problems: ErrorDetail[]): MortgageTerm | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    problems.push({ field: 'mortgage.term', message: 'must be an object { from, to }' });
    return null;
  }
  const count = problems.length;
  for (const key of Object.keys(raw).filter((name) => name !== 'from' && name !== 'to')) {
    problems.push({ field: `mortgage.term.${key}`, message: 'is not part of a mortgage term' });
  }
  for (const end of ['from', 'to'] as const) {
    if (!isDate(raw[end]))
      problems.push({ field: `mortgage.term.${end}`, message: 'must be a date YYYY-MM-DD' });
  }
  if (problems.length > count) return null;
  const term = { from: raw.from as string, to: raw.to as string };
  // same fixed-width format on both sides, so string order is date order
  if (term.from > term.to) {
    problems.push({ field: 'mortgage.term.to', message: `must not be before from (${term.from})` });
    return null;
  }
  return term;
}

/** The act's public details for the property (flat strings, as every act detail). */
export function propertyDetails(property: PropertyParticulars | null): Record<string, string | null> {
  return {
    propertyLocation: property?.location ?? null,
    propertyAreaM2: property?.areaM2 ?? null,
    propertyUsage: property?.usage ?? null,
  };
}

export function termDetails(term: MortgageTerm | null): Record<string, string | null> {
  return { mortgageTermFrom: term?.from ?? null, mortgageTermTo: term?.to ?? null };
}
