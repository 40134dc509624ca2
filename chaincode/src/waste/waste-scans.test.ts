import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { WasteWorld, bag, errorOf, scan } from '../testing/waste-fixtures';

interface ScansAnswer {
  accepted: number;
  duplicates: string[];
  rejected: { index: number; barcode: string; code: string; message: string }[];
  anomalies: { index: number; barcode: string; type: string; message: string }[];
}

const collectedKey = (barcode: string): string =>
  `\u0000waste-bag-event\u0000${barcode}\u00001-COLLECTED\u0000`;

describe('WasteContract RecordScans', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.standardSites();
    await world.commission(1, 10);
  });

  async function scans(list: unknown[]): Promise<ScansAnswer> {
    return (await world.scans(list)).result as ScansAnswer;
  }

  it('records each accepted scan as given, on its own COLLECTED key with UrbanMSP endorsement', async () => {
    const { result, commit } = await world.scans([
      scan(bag(1)),
      scan(bag(2), { quality: 'NON_CONFORMANT', weightGrams: 3 }),
    ]);
    expect(result).toEqual({ accepted: 2, duplicates: [], rejected: [], anomalies: [] });
    for (const barcode of [bag(1), bag(2)]) {
      expect(world.ledger.getStateValidationParameter(collectedKey(barcode))).toBeUndefined();
    }
    const stored: unknown = JSON.parse(world.ledger.getState(collectedKey(bag(2)))?.toString() ?? '');
    expect(stored).toMatchObject({
      step: 'COLLECTED',
      at: '2026-01-01T07:30:00+08:00',
      siteId: 'LW-ST-001',
      weightGrams: 3,
      quality: 'NON_CONFORMANT',
      txId: commit.txId,
      recordedBy: 'UrbanMSP',
    });
    expect(commit.event?.name).toBe('WasteScansRecorded');
    const payload = JSON.parse(commit.event?.payload.toString() ?? '') as { accepted: unknown[] };
    expect(payload.accepted).toEqual([
      expect.objectContaining({
        barcode: bag(1),
        stationId: 'LW-ST-001',
        weightGrams: 1200,
        quality: 'CONFORMANT',
      }),
      expect.objectContaining({ barcode: bag(2), scannedAt: '2026-01-01T07:30:00+08:00', bagCategory: '02' }),
    ]);
  });

  it('keeps the original time of an offline backlog scan', async () => {
    await scans([scan(bag(1), { scannedAt: '2025-12-30T18:05:09.250+08:00' })]);
    expect(JSON.parse(world.ledger.getState(collectedKey(bag(1)))?.toString() ?? '')).toMatchObject({
      at: '2025-12-30T18:05:09.250+08:00',
    });
  });

  it('rejects each bad scan with its own reason and accepts the rest', async () => {
    const misread = `${bag(3).slice(0, 17)}${(Number(bag(3).slice(17)) + 1) % 10}`;
    const answer = await scans([
      scan(bag(1)),
      scan('44010302000000041'),
      scan(misread),
      scan(bag(500)),
      scan(bag(4), { stationId: 'LW-ST-404' }),
      scan(bag(5), { stationId: 'LW-FA-001' }),
      scan(bag(6), { weightGrams: 0, quality: 'GOOD' }),
      scan(bag(7), { scannedAt: '2026-02-30T08:00:00Z' }),
      scan(bag(8), { scannedAt: '2026-01-02T00:00:00Z' }),
      'not an object',
      scan('', { barcode: 42 }),
      scan(bag(9)),
    ]);
    expect(answer.accepted).toBe(2);
    expect(answer.rejected.map(({ index, code }) => [index, code])).toEqual([
      [1, 'MALFORMED_BARCODE'],
      [2, 'BAD_CHECK_DIGIT'],
      [3, 'NOT_COMMISSIONED'],
      [4, 'UNKNOWN_SITE'],
      [5, 'WRONG_SITE_KIND'],
      [6, 'VALIDATION_FAILED'],
      [7, 'VALIDATION_FAILED'],
      [8, 'VALIDATION_FAILED'],
      [9, 'MALFORMED_BARCODE'],
      [10, 'MALFORMED_BARCODE'],
    ]);
    expect(answer.rejected[1]).toEqual({
      index: 2,
      barcode: misread,
      code: 'BAD_CHECK_DIGIT',
      message: expect.stringContaining('check digit should be') as string,
    });
    expect(answer.rejected[5]?.message).toMatch(/weightGrams.*quality/);
    expect(answer.rejected[7]?.message).toMatch(/later than the transaction time/);
    const written = world.ledger.stateKeys().filter((key) => key.includes('waste-bag-event'));
    expect(written).toEqual([collectedKey(bag(1)), collectedKey(bag(9))]);
  });

  it('reports a bag scanned again, in a later batch or the same one, as a duplicate counted once', async () => {
    await scans([scan(bag(1))]);
    const { result, tx } = await world.scans([
      scan(bag(1), { stationId: 'LW-ST-002' }),
      scan(bag(2)),
      scan(bag(2), { weightGrams: 999 }),
    ]);
    expect(result).toEqual({ accepted: 1, duplicates: [bag(1), bag(2)], rejected: [], anomalies: [] });
    expect(tx.pendingWrites().map((write) => write.key)).toEqual([collectedKey(bag(2))]);
    // no key-level policies: the waste namespace's own policy guards the new event
    expect(tx.pendingValidationParameterWrites()).toEqual([]);
    expect(JSON.parse(world.ledger.getState(collectedKey(bag(1)))?.toString() ?? '')).toMatchObject({
      siteId: 'LW-ST-001',
    });
  });

  it('flags OUT_OF_DISTRICT and CATEGORY_MISMATCH but still records the scan', async () => {
    const answer = await scans([
      scan(bag(1), { stationId: 'LW-ST-002' }),
      scan(bag(2), { category: '04' }),
      scan(bag(3), { category: '02' }),
    ]);
    expect(answer.accepted).toBe(3);
    expect(answer.anomalies.map(({ index, type }) => [index, type])).toEqual([
      [0, 'OUT_OF_DISTRICT'],
      [1, 'CATEGORY_MISMATCH'],
    ]);
    const trace = await world.read('GetBag', bag(2));
    expect(trace.anomalies).toEqual([
      {
        type: 'CATEGORY_MISMATCH',
        message: 'station LW-ST-001 reported category 04, the barcode says 02',
        step: 'COLLECTED',
        txId: expect.any(String) as string,
        recordedAt: expect.any(String) as string,
      },
    ]);
    const payload = JSON.parse(world.ledger.events.at(-1)?.payload.toString() ?? '') as {
      anomalies: unknown[];
      accepted: { anomalies: { type: string }[] }[];
    };
    expect(payload.anomalies).toHaveLength(2);
    expect(payload.accepted[0]?.anomalies[0]?.type).toBe('OUT_OF_DISTRICT');
  });

  it('accepts a batch of 1000 scans and refuses 1001 or none as a whole', async () => {
    await world.commission(1001, 1000);
    const thousand = Array.from({ length: 1000 }, (_unused, index) => scan(bag(1001 + index)));
    expect(((await world.scans(thousand)).result as ScansAnswer).accepted).toBe(1000);
    for (const list of [[...thousand, scan(bag(1))], []]) {
      const tx = world.transaction(Roles.StationOperator);
      const error = await errorOf(world.contract.RecordScans(tx.ctx, JSON.stringify({ scans: list })));
      expect(parseChaincodeErrorMessage(error.message)?.code).toBe('VALIDATION_FAILED');
      expect(tx.pendingWrites()).toEqual([]);
    }
  });

  it('accepts a bare array as well as { scans }', async () => {
    const tx = world.transaction(Roles.StationOperator);
    const answer = JSON.parse(
      await world.contract.RecordScans(tx.ctx, JSON.stringify([scan(bag(1))])),
    ) as ScansAnswer;
    expect(answer.accepted).toBe(1);
  });

  it.each([Roles.Hauler, Roles.UrbanInspector, Roles.MarketClerk])(
    'refuses %s with FORBIDDEN',
    async (role) => {
      const tx = world.transaction(role);
      expect((await errorOf(world.contract.RecordScans(tx.ctx, JSON.stringify([scan(bag(1))])))).code).toBe(
        'FORBIDDEN',
      );
    },
  );

  it('reads the station once per batch', async () => {
    const tx = world.transaction(Roles.StationOperator);
    const getState = jest.spyOn(tx, 'getState');
    await world.contract.RecordScans(tx.ctx, JSON.stringify([scan(bag(1)), scan(bag(2)), scan(bag(3))]));
    const siteReads = getState.mock.calls.filter(([key]) => key.includes('waste-site'));
    expect(siteReads).toHaveLength(1);
    // Per new scan: the bag and its COLLECTED key, nothing else (the bag is rewritten from the bytes read).
    expect(getState).toHaveBeenCalledTimes(1 + 3 * 2);
  });
});
