import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from './malformed-event.error';
import { PayloadReader } from './payload-reader';

const event = {
  eventName: 'Test',
  transactionId: 'a'.repeat(64),
  payload: new Uint8Array(),
} as unknown as LedgerEvent;

describe('PayloadReader', () => {
  it('reads well-formed fields and finishes quietly', () => {
    const read = new PayloadReader();
    const payload = { id: 'BO-1', n: 3, nested: { x: 'y' }, list: [{ a: 'b' }], names: ['p'], none: null };
    expect(
      read.done(event, {
        id: read.string(payload, 'id', '', { pattern: /^BO-\d$/, maxChars: 4 }),
        n: read.integer(payload, 'n'),
        x: read.string(read.object(payload, 'nested'), 'x', 'nested.'),
        a: read.objects(payload, 'list').map((item) => read.string(item, 'a')),
        names: read.strings(payload, 'names'),
        none: read.nullableString(payload, 'none'),
        absent: read.optionalString(payload, 'absent'),
      }),
    ).toEqual({ id: 'BO-1', n: 3, x: 'y', a: ['b'], names: ['p'], none: null, absent: undefined });
  });

  it('names every problem with its path in one MalformedEventError', () => {
    const read = new PayloadReader();
    const payload = { id: 'XX', long: '长长长', n: 1.5, nested: 'no', list: [1], names: [2] };
    read.string(payload, 'id', 'case.', { pattern: /^BO-/ });
    read.string(payload, 'long', '', { maxChars: 2 });
    read.string(payload, 'missing');
    read.integer(payload, 'n');
    read.string(read.object(payload, 'nested'), 'x', 'nested.');
    read.objects(payload, 'list');
    read.strings(payload, 'names');
    expect(read.problems).toEqual([
      'case.id is malformed',
      'long is longer than 2 characters',
      'missing must be a non-empty string',
      'n must be a whole number',
      'nested must be an object',
      'nested.x must be a non-empty string',
      'list must be a list of objects',
      'names must be a list of strings',
    ]);
    expect(() => read.finish(event)).toThrow(MalformedEventError);
  });
});
