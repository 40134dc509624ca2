import { EventNames } from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { eventPayload, firstProblem, wholeNumber } from './event-payload';
import { MalformedEventError } from './malformed-event.error';

const event = (payload: string): LedgerEvent => ({
  blockNumber: 3n,
  transactionId: 'tx-9',
  chaincodeName: 'govtrace',
  eventName: EventNames.WasteScansRecorded,
  payload: new TextEncoder().encode(payload),
});

const scan = {
  barcode: 'B1',
  stationId: 'LW-ST-001',
  scannedAt: '2026-03-01T08:00:00.000Z',
  weightGrams: 1200,
  quality: 'GOOD',
  category: 'KITCHEN',
  districtCode: '310106',
  bagCategory: 'KITCHEN',
};

const scans = {
  txId: 'tx-9',
  recordedAt: '2026-03-01T08:00:01.000Z',
  recordedBy: 'UrbanMSP',
  accepted: [scan],
  duplicates: [],
  rejected: [],
  anomalies: [{ type: 'WEIGHT', message: 'heavy' }],
};

const decode = (payload: unknown) =>
  eventPayload(
    event(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    EventNames.WasteScansRecorded,
  );

function problemsOf(payload: unknown): readonly string[] {
  try {
    decode(payload);
  } catch (error) {
    if (error instanceof MalformedEventError) return error.problems;
    throw error;
  }
  throw new Error('expected MalformedEventError');
}

describe('eventPayload', () => {
  it('adds the broken rules of fields of the right shape to the shape problem, and skips the rest', () => {
    const payload = JSON.stringify({ ...scans, txId: 'tx-0', recordedAt: 5 });
    expect(() =>
      eventPayload(event(payload), EventNames.WasteScansRecorded, {
        txId: (txId) => (txId === 'tx-9' ? undefined : 'txId is not the transaction'),
        recordedAt: () => 'never asked: recordedAt is not a string',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: ['$.recordedAt is not a string', 'txId is not the transaction'],
      }) as Error,
    );
  });

  it('decodes a payload of the shape the chaincode declares, keeping what it does not list', () => {
    const decoded = decode({ ...scans, extra: 1 });
    expect(decoded.accepted[0]?.barcode).toBe('B1');
    expect(decoded).toEqual({ ...scans, extra: 1 });
  });

  it('accepts an optional field left out, and refuses it of the wrong type', () => {
    const withoutCategory: Partial<typeof scan> = { ...scan };
    delete withoutCategory.category;
    expect(decode({ ...scans, accepted: [withoutCategory] }).accepted[0]?.category).toBeUndefined();
    expect(problemsOf({ ...scans, accepted: [{ ...scan, category: 7 }] })).toEqual([
      '$.accepted[0].category is not a string',
    ]);
  });

  it.each([
    ['a missing field', (({ txId: _t, ...rest }) => rest)(scans), '$.txId is missing'],
    ['a null field', { ...scans, recordedAt: null }, '$.recordedAt is not a string'],
    ['a field of the wrong type', { ...scans, duplicates: 'B1' }, '$.duplicates is not a list'],
    [
      'a bad entry of a nested list',
      { ...scans, accepted: [scan, { ...scan, weightGrams: '1200' }] },
      '$.accepted[1].weightGrams is not a number',
    ],
    [
      'a nested object that is not one',
      { ...scans, anomalies: [null] },
      '$.anomalies[0] is not ReportedAnomaly',
    ],
  ])('refuses %s, naming its path', (_case, payload, problem) => {
    expect(problemsOf(payload)).toEqual([problem]);
  });

  it.each([
    ['not JSON', '{"txId":', /not UTF-8 JSON/],
    ['an array', '[]', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
  ])('refuses a payload that is %s', (_case, payload, problem) => {
    expect(problemsOf(payload)).toEqual([expect.stringMatching(problem)]);
  });

  it('has rules for whole numbers (integer columns) and for the items of a list', () => {
    expect([wholeNumber('n')(2), wholeNumber('n')(1.5), wholeNumber('n')(2 ** 53)]).toEqual([
      undefined,
      'n must be a whole number',
      'n must be a whole number',
    ]);
    expect(firstProblem([undefined, 'first', 'second'])).toBe('first');
    expect(firstProblem([undefined])).toBeUndefined();
  });

  it('names the event and transaction, so the listener can quarantine it', () => {
    expect(() => decode('[]')).toThrow('WasteScansRecorded in transaction tx-9 is malformed');
  });
});
