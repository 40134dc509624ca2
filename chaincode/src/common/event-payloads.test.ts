import { answerProblem } from './answer-shape';
import { EventNames } from './event-names';
import { EventPayloads } from './event-payloads';

describe('EventPayloads', () => {
  it('describes the payload of every event name, and of nothing else', () => {
    expect(Object.keys(EventPayloads).sort()).toEqual(Object.values(EventNames).sort());
  });

  it('gives each event its own shape name, so a schema name never means two payloads', () => {
    const names = Object.values(EventPayloads).map((shape) => shape.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('checks a payload the smoke contract emits against its shape', () => {
    const shape = EventPayloads[EventNames.SmokeValueWritten];
    const record = { key: 'k', value: 'v', updatedAt: '2026-03-01T08:00:00.000Z', updatedBy: 'RegistryMSP' };
    expect(answerProblem(record, shape)).toBeUndefined();
    expect(answerProblem({ ...record, updatedBy: undefined }, shape)).toBe('$.updatedBy is not a string');
  });
});
