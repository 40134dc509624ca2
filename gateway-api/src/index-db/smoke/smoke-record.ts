import { type EventPayload, EventNames } from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { eventPayload } from '../projection/event-payload';

export const SMOKE_VALUE_WRITTEN = EventNames.SmokeValueWritten;

/** The record the smoke contract stores and emits (chaincode/src/smoke/event-payloads.ts). */
export type SmokeRecord = EventPayload<typeof SMOKE_VALUE_WRITTEN>;

// the chaincode's own rules, checked again: the index must never hold what the ledger could not
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const VALUE_MAX_CHARS = 4096;
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MSP_ID_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;

/** Decodes and checks a SmokeValueWritten payload; unknown extra fields are left out. */
export function parseSmokeRecord(event: LedgerEvent): SmokeRecord {
  const { key, value, updatedAt, updatedBy } = eventPayload(event, SMOKE_VALUE_WRITTEN, {
    key: (key) =>
      KEY_PATTERN.test(key) ? undefined : 'key must be 1 to 64 characters from A-Z a-z 0-9 _ . -',
    // counted in code points, as the chaincode counts
    value: (value) =>
      [...value].length > VALUE_MAX_CHARS
        ? `value must be a string of at most ${VALUE_MAX_CHARS} characters`
        : undefined,
    updatedAt: (at) =>
      TIMESTAMP_PATTERN.test(at) && !Number.isNaN(Date.parse(at))
        ? undefined
        : 'updatedAt must be an ISO-8601 UTC timestamp with milliseconds',
    updatedBy: (msp) => (MSP_ID_PATTERN.test(msp) ? undefined : 'updatedBy must be an MSP id'),
  });
  return { key, value, updatedAt, updatedBy };
}
