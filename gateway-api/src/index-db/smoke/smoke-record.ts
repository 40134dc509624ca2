import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from '../projection/malformed-event.error';
import { payloadObject } from '../projection/payload';

/** The smoke contract's event; must equal EventNames.SmokeValueWritten in chaincode/src/common/events.ts. */
export const SMOKE_VALUE_WRITTEN = 'SmokeValueWritten';

/** The record the smoke contract stores and emits (chaincode/src/smoke/smoke-record.ts). */
export interface SmokeRecord {
  readonly key: string;
  readonly value: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

// the chaincode's own rules, checked again: the index must never hold what the ledger could not
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const VALUE_MAX_CHARS = 4096;
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MSP_ID_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;

/** Parses and checks a SmokeValueWritten payload; unknown extra fields are ignored. */
export function parseSmokeRecord(event: LedgerEvent): SmokeRecord {
  const { key, value, updatedAt, updatedBy } = payloadObject(event);
  const problems: string[] = [];
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    problems.push('key must be 1 to 64 characters from A-Z a-z 0-9 _ . -');
  }
  // counted in code points, as the chaincode counts
  if (typeof value !== 'string' || [...value].length > VALUE_MAX_CHARS) {
    problems.push(`value must be a string of at most ${VALUE_MAX_CHARS} characters`);
  }
  if (
    typeof updatedAt !== 'string' ||
    !TIMESTAMP_PATTERN.test(updatedAt) ||
    Number.isNaN(Date.parse(updatedAt))
  ) {
    problems.push('updatedAt must be an ISO-8601 UTC timestamp with milliseconds');
  }
  if (typeof updatedBy !== 'string' || !MSP_ID_PATTERN.test(updatedBy)) {
    problems.push('updatedBy must be an MSP id');
  }
  if (problems.length > 0) throw new MalformedEventError(event, problems);
  return { key, value, updatedAt, updatedBy } as SmokeRecord;
}
