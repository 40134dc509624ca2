// Chaincode events. Fabric keeps only the last setEvent of a transaction, so a second event would
// silently replace the first and the off-chain index would miss a state change. emitEvent therefore
// refuses a second event in the same transaction: one transaction, one state change, one event.
// Its payload is typed by the event's shape (event-payloads.ts), so the compiler checks that the
// chaincode emits what the gateway's index decodes.

import { type Context } from 'fabric-contract-api';
import { toCanonicalBytes } from './canonical-json';
import { type EventName, isEventName } from './event-names';
import { type EventPayloadValue } from './event-payloads';

export { type EventName, EventNames, isEventName } from './event-names';

// Keyed by the stub, which Fabric creates once per transaction invocation; weak, so finished
// transactions are forgotten.
const emitted = new WeakMap<object, EventName>();

/** Sets the transaction's single event with a canonical-JSON payload of the event's shape. */
export function emitEvent<N extends EventName>(ctx: Context, name: N, payload: EventPayloadValue<N>): void {
  if (!isEventName(name)) {
    throw new Error(`unknown event name '${String(name)}'`);
  }
  const previous = emitted.get(ctx.stub);
  if (previous !== undefined) {
    throw new Error(
      `event ${name} would replace ${previous}: only one event per transaction is kept by Fabric`,
    );
  }
  const bytes = toCanonicalBytes(payload);
  ctx.stub.setEvent(name, bytes);
  emitted.set(ctx.stub, name);
}
