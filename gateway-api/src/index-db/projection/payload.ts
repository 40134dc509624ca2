import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from './malformed-event.error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a payload written by the chaincode's canonical-JSON helper into a plain JSON object. */
export function payloadObject(event: LedgerEvent): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(event.payload));
  } catch (error) {
    throw new MalformedEventError(event, [`payload is not UTF-8 JSON (${String(error)})`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedEventError(event, ['payload is not a JSON object']);
  }
  return parsed as Record<string, unknown>;
}
