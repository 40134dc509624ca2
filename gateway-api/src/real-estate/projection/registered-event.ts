import { type EventPayload, EventNames } from '../../../../chaincode/src/contract';
import { eventPayload } from '../../index-db/projection/event-payload';
import { type LedgerEvent } from '../../ledger/ledger-events.port';

export const REAL_ESTATE_REGISTERED = EventNames.RealEstateRegistered;

/** A RealEstateRegistered payload (chaincode/src/realestate/event-payloads.ts), decoded. */
export type RegisteredEvent = EventPayload<typeof REAL_ESTATE_REGISTERED>;

export function parseRegisteredEvent(event: LedgerEvent): RegisteredEvent {
  return eventPayload(event, REAL_ESTATE_REGISTERED);
}
