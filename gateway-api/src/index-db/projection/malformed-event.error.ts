import { type LedgerEvent } from '../../ledger/ledger-events.port';

/**
 * An event payload a projector cannot read. Our chaincode writes these payloads, so this means the
 * gateway and the chaincode disagree about a format (e.g. a newer chaincode) or the event did not come
 * from our chaincode at all. Reading the same bytes again would fail again, so the listener does not
 * retry: it quarantines the event (index_quarantine, with the payload), where it is counted and
 * alerted on rather than silently lost, and goes on with the next one.
 */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';

  constructor(
    event: Pick<LedgerEvent, 'eventName' | 'transactionId'>,
    readonly problems: readonly string[],
  ) {
    super(`${event.eventName} in transaction ${event.transactionId} is malformed: ${problems.join('; ')}`);
  }
}
