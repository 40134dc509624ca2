import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from './malformed-event.error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a payload written by the chaincode's canonical-JSON helper into a plain JSON object. */
export function payloadObject(event: LedgerEvent): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(event.payload), withoutNul);
  } catch (error) {
    throw new MalformedEventError(event, [`payload is not UTF-8 JSON (${String(error)})`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedEventError(event, ['payload is not a JSON object']);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The ledger may hold strings with NUL characters (the chaincode stores what it was given, and blocks
 * are for ever), but PostgreSQL text cannot: one such event would fail its block's transaction on
 * every retry, a database error the listener cannot tell from an outage. Projected strings get U+FFFD
 * (the replacement character) in their place.
 */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}
