import { type Projector } from './projector';
import { ProjectorRegistry } from './projector-registry';

const projector = (eventName: string): Projector => ({
  eventName,
  prepare: () => ({ claim: { keys: [] }, write: () => Promise.resolve() }),
});

describe('ProjectorRegistry', () => {
  it('finds the projector of an event name, and none for an unknown one', () => {
    const a = projector('WasteSiteRegistered');
    const registry = new ProjectorRegistry([a, projector('WasteScansRecorded')]);
    expect(registry.get('WasteSiteRegistered')).toBe(a);
    expect(registry.get('WasteConfigUpdated')).toBeUndefined();
    expect(registry.eventNames()).toEqual(['WasteSiteRegistered', 'WasteScansRecorded']);
  });

  it('refuses two projectors for one event name', () => {
    expect(
      () => new ProjectorRegistry([projector('WasteSiteRegistered'), projector('WasteSiteRegistered')]),
    ).toThrow('Two projectors registered for event WasteSiteRegistered');
  });

  it('refuses a projector for an event the trust table does not cover', () => {
    expect(() => new ProjectorRegistry([projector('SomethingElse')])).toThrow(
      'No trust rule for event SomethingElse',
    );
  });
});
