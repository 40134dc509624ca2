// Checks for values read back from the ledger. Only this chaincode writes waste keys, so a stored value
// that fails these checks is a bug or tampering, reported as an internal error (plain Error), never as
// the caller's VALIDATION_FAILED.

import { type AnomalyNote, AnomalyTypes } from './domain';
import { type JsonObject, isJsonObject } from './input';

const anomalyTypeValues: readonly string[] = Object.values(AnomalyTypes);

export class StoredReader {
  readonly #source: JsonObject;
  readonly #what: string;

  constructor(raw: unknown, what: string) {
    if (!isJsonObject(raw)) {
      throw new Error(`stored ${what} is not an object`);
    }
    this.#source = raw;
    this.#what = what;
  }

  string(field: string): string {
    const value = this.#source[field];
    if (typeof value !== 'string') {
      throw this.#invalid(field);
    }
    return value;
  }

  optionalString(field: string): string | undefined {
    return this.#source[field] === undefined ? undefined : this.string(field);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.#source[field];
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) {
      throw this.#invalid(field);
    }
    return found;
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    return this.#source[field] === undefined ? undefined : this.oneOf(field, allowed);
  }

  integer(field: string): number {
    const value = this.#source[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw this.#invalid(field);
    }
    return value;
  }

  optionalInteger(field: string): number | undefined {
    return this.#source[field] === undefined ? undefined : this.integer(field);
  }

  anomalies(field: string): AnomalyNote[] {
    const value = this.#source[field];
    if (!Array.isArray(value)) {
      throw this.#invalid(field);
    }
    return (value as unknown[]).map((item) => {
      if (
        !isJsonObject(item) ||
        typeof item.message !== 'string' ||
        !anomalyTypeValues.includes(String(item.type))
      ) {
        throw this.#invalid(field);
      }
      return { type: item.type as AnomalyNote['type'], message: item.message };
    });
  }

  #invalid(field: string): Error {
    return new Error(`stored ${this.#what} is invalid: field ${field}`);
  }
}
