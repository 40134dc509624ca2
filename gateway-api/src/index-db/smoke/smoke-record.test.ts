import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from '../projection/malformed-event.error';
import { parseSmokeRecord, SMOKE_VALUE_WRITTEN } from './smoke-record';

const event = (payload: string | Uint8Array): LedgerEvent => ({
  blockNumber: 5n,
  transactionId: 'tx-1',
  chaincodeName: 'govtrace',
  eventName: SMOKE_VALUE_WRITTEN,
  payload: typeof payload === 'string' ? new TextEncoder().encode(payload) : payload,
});

// exactly what chaincode/src/smoke emits: canonical JSON of the stored record
const CANONICAL =
  '{"key":"smoke-1","updatedAt":"2026-03-01T08:00:00.123Z","updatedBy":"RegistryMSP","value":"你好, ledger"}';

function problemsOf(payload: string | Uint8Array): readonly string[] {
  try {
    parseSmokeRecord(event(payload));
  } catch (error) {
    if (error instanceof MalformedEventError) return error.problems;
    throw error;
  }
  throw new Error('expected MalformedEventError');
}

describe('parseSmokeRecord', () => {
  it('reads the payload the smoke contract emits', () => {
    expect(parseSmokeRecord(event(CANONICAL))).toEqual({
      key: 'smoke-1',
      value: '你好, ledger',
      updatedAt: '2026-03-01T08:00:00.123Z',
      updatedBy: 'RegistryMSP',
    });
  });

  it('ignores fields a newer chaincode may add', () => {
    const payload = JSON.stringify({ ...(JSON.parse(CANONICAL) as object), revision: 2 });
    expect(parseSmokeRecord(event(payload))).not.toHaveProperty('revision');
  });

  it('accepts the boundary sizes, counting characters as the chaincode does', () => {
    const record = {
      key: 'a'.repeat(64),
      value: '😀'.repeat(4096),
      updatedAt: '2026-03-01T08:00:00.000Z',
      updatedBy: 'TaxMSP',
    };
    expect(parseSmokeRecord(event(JSON.stringify(record)))).toEqual(record);
  });

  it.each([
    ['not UTF-8', new Uint8Array([0xff, 0xfe]), /not UTF-8 JSON/],
    ['not JSON', '{"key":', /not UTF-8 JSON/],
    ['an array', '[]', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
  ])('refuses a payload that is %s', (_case, payload, problem) => {
    expect(problemsOf(payload)).toEqual([expect.stringMatching(problem)]);
  });

  it('lists every bad field', () => {
    const payload = JSON.stringify({
      key: 'bad key',
      value: 'x'.repeat(4097),
      updatedAt: '2026-03-01',
      updatedBy: '',
    });
    expect(problemsOf(payload)).toEqual([
      expect.stringMatching(/^key/),
      expect.stringMatching(/^value/),
      expect.stringMatching(/^updatedAt/),
      expect.stringMatching(/^updatedBy/),
    ]);
  });

  it('names the event and transaction in the error message', () => {
    expect(() => parseSmokeRecord(event('[]'))).toThrow('SmokeValueWritten in transaction tx-1 is malformed');
  });
});
