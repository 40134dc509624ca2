// Parsing of the JSON arguments of the waste transactions. Arguments arrive as strings from the gateway,
// which we never trust: everything is parsed to `unknown` and checked field by field here, with messages a
// station operator or inspector can act on. Checkers return problems instead of throwing, so a batch can
// reject one item and keep the rest.

import { type ErrorDetail, ValidationError } from '../common/errors';
import { refuseNulCharacters } from '../common/nul-characters';

export type JsonObject = Record<string, unknown>;

/** Longest JSON argument we parse: 1000 scans of ~200 bytes fit comfortably. */
export const MAX_ARGUMENT_CHARS = 1_000_000;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON argument; anything unreadable is the caller's VALIDATION_FAILED. */
export function parseJsonArgument(json: string, what: string): unknown {
  if (typeof json !== 'string' || json.length > MAX_ARGUMENT_CHARS) {
    throw new ValidationError(`${what} must be JSON text of at most ${MAX_ARGUMENT_CHARS} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch {
    throw new ValidationError(`${what} is not valid JSON`);
  }
  refuseNulCharacters(value, what);
  return value;
}

export function parseJsonObjectArgument(json: string, what: string): JsonObject {
  const value = parseJsonArgument(json, what);
  if (!isJsonObject(value)) {
    throw new ValidationError(`${what} must be a JSON object`);
  }
  return value;
}

/** Collects problems while reading fields of one object; `prefix` names the item in messages. */
export class FieldReader {
  readonly problems: ErrorDetail[] = [];

  constructor(
    private readonly source: JsonObject,
    private readonly prefix = '',
  ) {}

  string(field: string, pattern: RegExp, rule: string): string {
    const value = this.source[field];
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.problem(field, rule);
      return '';
    }
    return value;
  }

  optionalString(field: string, pattern: RegExp, rule: string): string | undefined {
    return this.source[field] === undefined ? undefined : this.string(field, pattern, rule);
  }

  /** A whole number in [min, max] given as a JSON number (no strings, no fractions). */
  integer(field: string, min: number, max: number): number {
    const value = this.source[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      this.problem(field, `must be a whole number from ${min} to ${max}`);
      return 0;
    }
    return value;
  }

  optionalInteger(field: string, min: number, max: number): number | undefined {
    return this.source[field] === undefined ? undefined : this.integer(field, min, max);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.source[field];
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) {
      this.problem(field, `must be one of ${allowed.join(', ')}`);
      return allowed[0] as T;
    }
    return found;
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    return this.source[field] === undefined ? undefined : this.oneOf(field, allowed);
  }

  /** An ISO-8601 date-time with a zone, kept exactly as given (see isIsoDateTime). */
  isoDateTime(field: string): string {
    const value = this.source[field];
    if (typeof value !== 'string' || !isIsoDateTime(value)) {
      this.problem(field, 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T08:00:00+08:00');
      return '';
    }
    return value;
  }

  /** A non-empty array of at most `max` entries. */
  array(field: string, max: number): unknown[] {
    const value = this.source[field];
    if (!Array.isArray(value) || value.length === 0 || value.length > max) {
      this.problem(field, `must be a list of 1 to ${max} entries`);
      return [];
    }
    return value as unknown[];
  }

  problem(field: string, message: string): void {
    this.problems.push({ field: `${this.prefix}${field}`, message });
  }

  /** Throws VALIDATION_FAILED listing every problem found so far. */
  throwIfInvalid(what: string): void {
    if (this.problems.length > 0) {
      throw new ValidationError(`invalid ${what}`, this.problems);
    }
  }
}

/**
 * The same rule as one pattern, for API documents: months, days, hours, minutes, seconds and the zone
 * offset (up to ±14:00) in range; whether the day exists in its month (02-30) is the `date-time`
 * format's part.
 */
export const ISO_DATE_TIME_PATTERN =
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]' +
  '(?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])$';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Strict ISO-8601 date-time with seconds and an explicit zone (Z or ±hh:mm): a real calendar date,
 * hours 00–23, zone offsets within ±14:00. Parsed by hand so the verdict never depends on the
 * JavaScript engine's lenient Date parsing.
 */
export function isIsoDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) {
    return false;
  }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
  return (
    isCalendarDate(year, month, day) &&
    within(hour, 23) &&
    within(minute, 59) &&
    within(second, 59) &&
    within(Number(match[9] ?? '0'), 14) &&
    within(Number(match[10] ?? '0'), 59)
  );
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function within(value: number, max: number): boolean {
  return value >= 0 && value <= max;
}

/** Milliseconds since the epoch of a string that passed isIsoDateTime. */
export function isoMillis(text: string): number {
  return Date.parse(text);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
