import { InMemoryLedger, identityForRole } from '../testing';
import { Roles } from './access';
import { type Context } from 'fabric-contract-api';
import { type EventName, EventNames, emitEvent as typedEmitEvent } from './events';

// These tests are about emission itself (one event, canonical bytes), not about any payload's shape
// (event-payloads.test.ts), so they emit untyped payloads.
const emitEvent = typedEmitEvent as (ctx: Context, name: EventName, payload: unknown) => void;

const ledger = new InMemoryLedger();
const newTransaction = () => ledger.newTransaction({ identity: identityForRole(Roles.RegistryClerk) });

describe('emitEvent', () => {
  it('sets the event with a canonical JSON payload', () => {
    const tx = newTransaction();
    emitEvent(tx.ctx, EventNames.SmokeValueWritten, { value: '值', key: 'k' });
    expect(tx.events).toHaveLength(1);
    expect(tx.events[0]?.name).toBe('SmokeValueWritten');
    expect(tx.events[0]?.payload.toString('utf8')).toBe('{"key":"k","value":"值"}');
  });

  it('refuses a second event in the same transaction, because Fabric would keep only the last', () => {
    const tx = newTransaction();
    emitEvent(tx.ctx, EventNames.SmokeValueWritten, { n: 1 });
    expect(() => emitEvent(tx.ctx, EventNames.SmokeValueWritten, { n: 2 })).toThrow(
      /only one event per transaction/,
    );
    expect(tx.events).toHaveLength(1);
    expect(tx.commit().event?.payload.toString()).toBe('{"n":1}');
  });

  it('allows one event in each transaction', () => {
    const first = newTransaction();
    const second = newTransaction();
    emitEvent(first.ctx, EventNames.SmokeValueWritten, { n: 1 });
    emitEvent(second.ctx, EventNames.SmokeValueWritten, { n: 2 });
    expect([first.events.length, second.events.length]).toEqual([1, 1]);
  });

  it('does not count an event whose payload could not be serialised', () => {
    const tx = newTransaction();
    expect(() => emitEvent(tx.ctx, EventNames.SmokeValueWritten, { n: NaN })).toThrow(/finite/);
    emitEvent(tx.ctx, EventNames.SmokeValueWritten, { n: 1 });
    expect(tx.events).toHaveLength(1);
  });

  it('rejects a name that is not one of the constants', () => {
    const tx = newTransaction();
    expect(() => emitEvent(tx.ctx, 'SmokeValueWriten' as EventName, {})).toThrow(/unknown event name/);
  });
});
