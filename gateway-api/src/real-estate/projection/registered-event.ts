import { CLEARANCE_NUMBER_PATTERN, type EventPayload, EventNames } from '../../../../chaincode/src/contract';
import { eventPayload, firstProblem, wholeNumber } from '../../index-db/projection/event-payload';
import { type LedgerEvent } from '../../ledger/ledger-events.port';

export const REAL_ESTATE_REGISTERED = EventNames.RealEstateRegistered;

/** A RealEstateRegistered payload (chaincode/src/realestate/event-payloads.ts), decoded. */
export type RegisteredEvent = EventPayload<typeof REAL_ESTATE_REGISTERED>;

/** A clearance number a payload names, when it is one the contract accepts (and its column holds). */
export const clearanceNumberProblem =
  (path: string) =>
  (value: string | undefined): string | undefined =>
    value === undefined || CLEARANCE_NUMBER_PATTERN.test(value)
      ? undefined
      : `${path} must be a deed-tax clearance number`;

export function parseRegisteredEvent(event: LedgerEvent): RegisteredEvent {
  // the sequences are integer columns and part of the act's key (sequenceKey)
  return eventPayload(event, REAL_ESTATE_REGISTERED, {
    registration: (registration) =>
      firstProblem([
        wholeNumber('registration.sequence')(registration.sequence),
        clearanceNumberProblem('registration.details.deedTaxClearanceNumber')(
          registration.details?.deedTaxClearanceNumber,
        ),
      ]),
    unit: (unit) => wholeNumber('unit.sequence')(unit.sequence),
  });
}
