import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from './malformed-event.error';

// The one reader of event payloads for every projector: each field is checked as it is read, every
// problem is collected (`where` names the field's path, e.g. `accepted.3.`), and `finish` throws one
// MalformedEventError naming them all, which the listener turns into a quarantine row. A reader
// returns a harmless placeholder for a bad field so parsing can go on and report the rest.

export type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Extra checks of a string field. */
export interface StringRule {
  readonly pattern?: RegExp;
  /** In characters (code points), not UTF-16 units. */
  readonly maxChars?: number;
}

export class PayloadReader {
  readonly problems: string[] = [];

  /** A non-empty string, matching `rule` when given. */
  string(source: JsonObject, field: string, where = '', rule: StringRule = {}): string {
    const value = source[field];
    if (typeof value !== 'string' || value === '') {
      this.problems.push(`${where}${field} must be a non-empty string`);
      return '';
    }
    if (rule.maxChars !== undefined && [...value].length > rule.maxChars) {
      this.problems.push(`${where}${field} is longer than ${rule.maxChars} characters`);
      return '';
    }
    if (rule.pattern !== undefined && !rule.pattern.test(value)) {
      this.problems.push(`${where}${field} is malformed`);
      return '';
    }
    return value;
  }

  /** Absent: undefined; present: as `string`. */
  optionalString(source: JsonObject, field: string, where = '', rule: StringRule = {}): string | undefined {
    return source[field] === undefined ? undefined : this.string(source, field, where, rule);
  }

  /** Absent or null: null; present: as `string`. */
  nullableString(source: JsonObject, field: string, where = ''): string | null {
    return source[field] === null || source[field] === undefined ? null : this.string(source, field, where);
  }

  integer(source: JsonObject, field: string, where = ''): number {
    const value = source[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.problems.push(`${where}${field} must be a whole number`);
      return 0;
    }
    return value;
  }

  /** A nested object; an empty one (its fields then reported missing) when it is not one. */
  object(source: JsonObject, field: string, where = ''): JsonObject {
    const value = source[field];
    if (!isJsonObject(value)) {
      this.problems.push(`${where}${field} must be an object`);
      return {};
    }
    return value;
  }

  objects(source: JsonObject, field: string, where = ''): JsonObject[] {
    const value = source[field];
    if (!Array.isArray(value) || !value.every(isJsonObject)) {
      this.problems.push(`${where}${field} must be a list of objects`);
      return [];
    }
    return value;
  }

  strings(source: JsonObject, field: string, where = ''): string[] {
    const value = source[field];
    if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
      this.problems.push(`${where}${field} must be a list of strings`);
      return [];
    }
    return value;
  }

  /** Throws the problems found so far, if any. */
  finish(event: LedgerEvent): void {
    if (this.problems.length > 0) throw new MalformedEventError(event, this.problems);
  }

  /** `value` when nothing was wrong; else throws the problems. */
  done<T>(event: LedgerEvent, value: T): T {
    this.finish(event);
    return value;
  }
}
