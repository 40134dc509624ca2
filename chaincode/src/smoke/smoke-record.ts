// The record the smoke contract stores: enough to prove that a value written through one peer is
// committed and readable, with who wrote it and when.

import { Object as DataType, Property } from 'fabric-contract-api';
import { type ErrorDetail, ValidationError } from '../common/errors';

export const SMOKE_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const SMOKE_VALUE_MAX_CHARS = 4096;
const ISO_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface SmokeRecordFields {
  readonly key: string;
  readonly value: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

@DataType()
export class SmokeRecord implements SmokeRecordFields {
  @Property()
  readonly key: string;

  @Property()
  readonly value: string;

  /** Transaction timestamp, ISO-8601 UTC. */
  @Property()
  readonly updatedAt: string;

  /** MSP id of the submitter. */
  @Property()
  readonly updatedBy: string;

  private constructor(fields: SmokeRecordFields) {
    this.key = fields.key;
    this.value = fields.value;
    this.updatedAt = fields.updatedAt;
    this.updatedBy = fields.updatedBy;
  }

  /** Builds a record, rejecting any invalid field with a ValidationError that lists them all. */
  static create(fields: SmokeRecordFields): SmokeRecord {
    const problems = smokeRecordProblems(fields);
    if (problems.length > 0) {
      throw new ValidationError('invalid smoke record', problems);
    }
    return new SmokeRecord(fields);
  }

  /**
   * Parses a stored value (already JSON-decoded); the parser for ledger reads. Only this chaincode
   * writes smoke records, so a record that fails here is a bug, reported as an internal error rather
   * than as the caller's validation failure.
   */
  static fromStored(raw: unknown): SmokeRecord {
    const fields = storedFields(raw);
    const problems = fields === undefined ? [] : smokeRecordProblems(fields);
    if (fields === undefined || problems.length > 0) {
      throw new Error(`stored smoke record is invalid: ${JSON.stringify(problems)}`);
    }
    return new SmokeRecord(fields);
  }
}

function storedFields(raw: unknown): SmokeRecordFields | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return undefined;
  }
  const { key, value, updatedAt, updatedBy } = raw as Record<string, unknown>;
  return typeof key === 'string' &&
    typeof value === 'string' &&
    typeof updatedAt === 'string' &&
    typeof updatedBy === 'string'
    ? { key, value, updatedAt, updatedBy }
    : undefined;
}

export function smokeKeyProblems(key: string): ErrorDetail[] {
  return SMOKE_KEY_PATTERN.test(key)
    ? []
    : [{ field: 'key', message: 'must be 1 to 64 characters from A-Z a-z 0-9 _ . -' }];
}

export function smokeValueProblems(value: string): ErrorDetail[] {
  // Counted in code points, so a Chinese or emoji value is measured as a person would count it.
  return [...value].length <= SMOKE_VALUE_MAX_CHARS
    ? []
    : [{ field: 'value', message: `must be at most ${SMOKE_VALUE_MAX_CHARS} characters` }];
}

function smokeRecordProblems(fields: SmokeRecordFields): ErrorDetail[] {
  const problems = [...smokeKeyProblems(fields.key), ...smokeValueProblems(fields.value)];
  if (!ISO_TIMESTAMP_PATTERN.test(fields.updatedAt) || Number.isNaN(Date.parse(fields.updatedAt))) {
    problems.push({ field: 'updatedAt', message: 'must be an ISO-8601 UTC timestamp with milliseconds' });
  }
  if (fields.updatedBy.length === 0) {
    problems.push({ field: 'updatedBy', message: 'must be an MSP id' });
  }
  return problems;
}

/** At most this many entries in one PutMany: the batch size of the waste scans it is compared with. */
export const SMOKE_MAX_ENTRIES = 1000;

/** PutMany's argument: a JSON list of 1 to 1000 `{ key, value }`; every problem is named. */
export function parseSmokeEntries(json: string): { key: string; value: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ValidationError('invalid smoke entries', [{ field: 'entries', message: 'must be JSON' }]);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > SMOKE_MAX_ENTRIES) {
    throw new ValidationError('invalid smoke entries', [
      { field: 'entries', message: `must be a list of 1 to ${SMOKE_MAX_ENTRIES} entries` },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const entries = parsed.map((entry: unknown, index) => {
    const { key, value } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    if (typeof key !== 'string' || typeof value !== 'string') {
      problems.push({ field: `entries[${index}]`, message: 'must be { key: string, value: string }' });
      return { key: '', value: '' };
    }
    const named = (detail: ErrorDetail): ErrorDetail => ({
      ...detail,
      field: `entries[${index}].${detail.field ?? ''}`,
    });
    problems.push(...smokeKeyProblems(key).map(named), ...smokeValueProblems(value).map(named));
    return { key, value };
  });
  if (problems.length > 0) {
    throw new ValidationError('invalid smoke entries', problems.slice(0, 20));
  }
  return entries;
}
