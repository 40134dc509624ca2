import { type EventPayload, EventNames } from '../../../../chaincode/src/contract';
import { eventPayload, wholeNumber } from '../../index-db/projection/event-payload';
import { type LedgerEvent } from '../../ledger/ledger-events.port';

export const REAL_ESTATE_REGISTERED = EventNames.RealEstateRegistered;

/** A RealEstateRegistered payload (chaincode/src/realestate/event-payloads.ts), decoded. */
export type RegisteredEvent = EventPayload<typeof REAL_ESTATE_REGISTERED>;

export function parseRegisteredEvent(event: LedgerEvent): RegisteredEvent {
  // the sequences are integer columns and part of the act's key (sequenceKey)
  return eventPayload(event, REAL_ESTATE_REGISTERED, {
    registration: (registration) => wholeNumber('registration.sequence')(registration.sequence),
    unit: (unit) => wholeNumber('unit.sequence')(unit.sequence),
  });
}
