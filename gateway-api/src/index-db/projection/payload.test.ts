import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { payloadObject } from './payload';

const event = (payload: string): LedgerEvent =>
  ({
    eventName: 'SmokeValueWritten',
    transactionId: 'a'.repeat(64),
    blockNumber: 7n,
    payload: new TextEncoder().encode(payload),
  }) as unknown as LedgerEvent;

describe('payloadObject', () => {
  it('replaces NUL characters anywhere in the payload, which PostgreSQL text cannot hold', () => {
    const parsed = payloadObject(event(JSON.stringify({ key: 'a\u0000b', nested: [{ value: '\u0000' }] })));
    expect(parsed).toEqual({ key: 'a\uFFFDb', nested: [{ value: '\uFFFD' }] });
  });

  it('keeps a literal backslash-u sequence, which is not a NUL', () => {
    expect(payloadObject(event(JSON.stringify({ text: '\\u0000' })))).toEqual({ text: '\\u0000' });
  });
});
