// Chaincode events. Fabric keeps only the last setEvent of a transaction, so a second event would
// silently replace the first and the off-chain index would miss a state change. emitEvent therefore
// refuses a second event in the same transaction: one transaction, one state change, one event.

import { type Context } from 'fabric-contract-api';
import { toCanonicalBytes } from './canonical-json';

/** Every event name the chaincode emits; the gateway's index subscribes by these names. */
export const EventNames = {
  SmokeValueWritten: 'SmokeValueWritten',
  RealEstateRegistered: 'RealEstateRegistered',
  DeedTaxClearanceRecorded: 'DeedTaxClearanceRecorded',
  BusinessCaseOpened: 'BusinessCaseOpened',
  BusinessStepCompleted: 'BusinessStepCompleted',
  BusinessLicenseStatusChanged: 'BusinessLicenseStatusChanged',
  WasteSiteRegistered: 'WasteSiteRegistered',
  WasteBagsCommissioned: 'WasteBagsCommissioned',
  WasteScansRecorded: 'WasteScansRecorded',
  WasteCollectionRecorded: 'WasteCollectionRecorded',
  WasteDeliveryRecorded: 'WasteDeliveryRecorded',
  WasteConfigUpdated: 'WasteConfigUpdated',
} as const;

export type EventName = (typeof EventNames)[keyof typeof EventNames];

const eventNameValues: ReadonlySet<string> = new Set<string>(Object.values(EventNames));

// Keyed by the stub, which Fabric creates once per transaction invocation; weak, so finished
// transactions are forgotten.
const emitted = new WeakMap<object, EventName>();

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNameValues.has(value);
}

/** Sets the transaction's single event with a canonical-JSON payload. */
export function emitEvent(ctx: Context, name: EventName, payload: unknown): void {
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
