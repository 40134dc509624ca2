import { type LedgerEvent } from '../../ledger/ledger-events.port';

/**
 * An event payload a projector cannot read. Only our chaincode writes these payloads, so this means
 * the gateway and the chaincode disagree about a format (e.g. a newer chaincode); the listener keeps
 * retrying instead of skipping, so no state change is silently lost.
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
