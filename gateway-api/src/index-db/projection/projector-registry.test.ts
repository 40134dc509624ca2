import { type Projector } from './projector';
import { ProjectorRegistry } from './projector-registry';

const projector = (eventName: string): Projector => ({ eventName, project: () => Promise.resolve() });

describe('ProjectorRegistry', () => {
  it('finds the projector of an event name, and none for an unknown one', () => {
    const a = projector('A');
    const registry = new ProjectorRegistry([a, projector('B')]);
    expect(registry.get('A')).toBe(a);
    expect(registry.get('C')).toBeUndefined();
    expect(registry.eventNames()).toEqual(['A', 'B']);
  });

  it('refuses two projectors for one event name', () => {
    expect(() => new ProjectorRegistry([projector('A'), projector('A')])).toThrow(
      'Two projectors registered for event A',
    );
  });
});
