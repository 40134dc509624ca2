import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { eventShapeProblems } from '../testing/event-shapes';
import { OTHER_TRUCK, TRUCK, WasteWorld, bag, errorOf, scan } from '../testing/waste-fixtures';

interface BatchAnswer {
  loadId?: string;
  accepted: number;
  duplicates: string[];
  rejected: { index: number; barcode: string; code: string; message: string }[];
  anomalies: { index?: number; barcode?: string; type: string; message: string }[];
  expectedWeightGrams?: number;
}

const BAG_GRAMS = 1200;

describe('WasteContract transfer hop', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.standardSites();
    await world.site('LW-TR-002', 'TRANSFER');
    await world.commission(1, 10);
    await world.scans([1, 2, 3, 4, 5, 6].map((serial) => scan(bag(serial))));
  });

  async function load(
    barcodes: string[],
    fields: Record<string, unknown> = {},
    role = Roles.Hauler,
  ): Promise<BatchAnswer> {
    const collection = {
      vehicleId: TRUCK,
      stationId: 'LW-ST-001',
      barcodes,
      loadWeightGrams: BAG_GRAMS * barcodes.length,
      collectedAt: '2026-01-01T08:00:00+08:00',
      ...fields,
    };
    return (await world.call(role, 'RecordCollection', collection)).result as BatchAnswer;
  }

  async function arrive(barcodes: string[], fields: Record<string, unknown> = {}): Promise<BatchAnswer> {
    const delivery = {
      facilityId: 'LW-TR-001',
      vehicleId: TRUCK,
      barcodes,
      receivedWeightGrams: BAG_GRAMS * barcodes.length,
      receivedAt: '2026-01-01T09:00:00+08:00',
      ...fields,
    };
    return (await world.call(Roles.FacilityOperator, 'RecordDelivery', delivery)).result as BatchAnswer;
  }

  const depart = (barcodes: string[], fields: Record<string, unknown> = {}): Promise<BatchAnswer> =>
    load(barcodes, {
      vehicleId: OTHER_TRUCK,
      stationId: 'LW-TR-001',
      collectedAt: '2026-01-01T10:00:00+08:00',
      ...fields,
    });

  const deliver = (barcodes: string[], fields: Record<string, unknown> = {}): Promise<BatchAnswer> =>
    arrive(barcodes, {
      facilityId: 'LW-FA-001',
      vehicleId: OTHER_TRUCK,
      outcome: 'INCINERATED',
      receivedAt: '2026-01-01T11:00:00+08:00',
      ...fields,
    });

  it('traces a bag across both hops: station → transfer station → facility, on two vehicles', async () => {
    await load([bag(1), bag(2)]);
    const arrived = await arrive([bag(1), bag(2)]);
    expect(arrived).toMatchObject({ accepted: 2, anomalies: [], expectedWeightGrams: 2 * BAG_GRAMS });
    expect((await world.read('GetBag', bag(1))).status).toBe('TRANSFER_ARRIVED');
    const departed = await depart([bag(1), bag(2)]);
    expect(departed).toMatchObject({ accepted: 2, anomalies: [] });
    const delivered = await deliver([bag(1), bag(2)]);
    expect(delivered).toMatchObject({ accepted: 2, anomalies: [], expectedWeightGrams: 2 * BAG_GRAMS });

    const trace = await world.read('GetBag', bag(1));
    expect(trace).toMatchObject({ status: 'DELIVERED', outcome: 'INCINERATED', anomalies: [] });
    const events = trace.events as { step: string; siteId?: string; vehicleId?: string }[];
    expect(events.map(({ step, siteId, vehicleId }) => [step, siteId, vehicleId])).toEqual([
      ['COMMISSIONED', undefined, undefined],
      ['COLLECTED', 'LW-ST-001', undefined],
      ['LOADED', 'LW-ST-001', TRUCK],
      ['TRANSFER_ARRIVED', 'LW-TR-001', TRUCK],
      ['TRANSFER_DEPARTED', 'LW-TR-001', OTHER_TRUCK],
      ['DELIVERED', 'LW-FA-001', OTHER_TRUCK],
    ]);
    expect(eventShapeProblems(world.ledger.events)).toEqual([]);
  });

  it('keeps the direct path: a bag may go from the station straight to a facility', async () => {
    await load([bag(1)]);
    expect(await deliver([bag(1)], { vehicleId: TRUCK })).toMatchObject({ accepted: 1, anomalies: [] });
  });

  it.each([
    [
      'leave a transfer station before arriving there',
      'OUT_OF_ORDER',
      async (w: Steps) => w.depart([bag(1)]),
    ],
    [
      'leave from another transfer station than the one it is at',
      'OUT_OF_ORDER',
      async (w: Steps) => {
        await w.arrive([bag(1)]);
        return w.depart([bag(1)], { stationId: 'LW-TR-002' });
      },
    ],
    [
      'arrive at a second transfer station',
      'SECOND_TRANSFER',
      async (w: Steps) => {
        await w.arrive([bag(1)]);
        await w.depart([bag(1)]);
        return w.arrive([bag(1)], { facilityId: 'LW-TR-002', vehicleId: OTHER_TRUCK });
      },
    ],
    [
      'be delivered while it waits at a transfer station',
      'OUT_OF_ORDER',
      async (w: Steps) => {
        await w.arrive([bag(1)]);
        return w.deliver([bag(1)]);
      },
    ],
    [
      'arrive anywhere after its final outcome',
      'AFTER_FINAL_OUTCOME',
      async (w: Steps) => {
        await w.deliver([bag(1)], { vehicleId: TRUCK });
        return w.arrive([bag(1)]);
      },
    ],
    [
      'be loaded at a transfer station after its final outcome',
      'AFTER_FINAL_OUTCOME',
      async (w: Steps) => {
        await w.deliver([bag(1)], { vehicleId: TRUCK });
        return w.depart([bag(1)]);
      },
    ],
  ])('refuses per item a bag trying to %s (%s)', async (_what, code, attempt) => {
    await load([bag(1)]);
    const answer = await attempt({ arrive, depart, deliver });
    expect(answer.accepted).toBe(0);
    expect(answer.rejected.map((item) => item.code)).toEqual([code]);
  });

  it('reports a repeated arrival at the same transfer station as a duplicate', async () => {
    await load([bag(1)]);
    await arrive([bag(1)]);
    expect(await arrive([bag(1)])).toMatchObject({ accepted: 0, duplicates: [bag(1)], rejected: [] });
  });

  it('flags HOP_SKIPPED for a bag that arrives on another vehicle than it left on, and accepts it', async () => {
    await load([bag(1), bag(2)]);
    const answer = await arrive([bag(1), bag(2)], { vehicleId: OTHER_TRUCK });
    expect(answer.accepted).toBe(2);
    expect(answer.anomalies.map((anomaly) => [anomaly.barcode, anomaly.type])).toEqual([
      [bag(1), 'HOP_SKIPPED'],
      [bag(2), 'HOP_SKIPPED'],
    ]);
    const trace = await world.read('GetBag', bag(1));
    expect((trace.anomalies as { type: string; step: string }[]).map((a) => [a.type, a.step])).toEqual([
      ['HOP_SKIPPED', 'TRANSFER_ARRIVED'],
    ]);
  });

  describe('weight balance per hop (tolerance 10 %)', () => {
    it.each([
      ['the whole load arrives at its weight', [1, 2, 3], 3600, [1, 2, 3], 3600, 3600, false],
      ['the whole load arrives 10 % light: within', [1, 2, 3], 3600, [1, 2, 3], 3240, 3600, false],
      ['the whole load arrives 11 % light', [1, 2, 3], 3600, [1, 2, 3], 3200, 3600, true],
      ['one third of a load arrives: pro-rated', [1, 2, 3], 3000, [1], 1000, 1000, false],
      ['one third of a load arrives, weighed as the whole', [1, 2, 3], 3000, [1], 3000, 1000, true],
    ])('%s', async (_what, loaded, loadGrams, arriving, receivedGrams, expected, flagged) => {
      await load(
        loaded.map((serial) => bag(serial)),
        { loadWeightGrams: loadGrams },
      );
      const answer = await arrive(
        arriving.map((serial) => bag(serial)),
        { receivedWeightGrams: receivedGrams },
      );
      expect(answer.expectedWeightGrams).toBe(expected);
      const types = answer.anomalies.filter((anomaly) => anomaly.barcode === undefined).map((a) => a.type);
      expect(types).toEqual(flagged ? ['HOP_WEIGHT_MISMATCH'] : []);
    });

    it('adds up the loads of two vehicles arriving together, each pro-rated', async () => {
      await load([bag(1), bag(2)], { loadWeightGrams: 2000 });
      await load([bag(3), bag(4)], { loadWeightGrams: 3000, vehicleId: OTHER_TRUCK });
      const answer = await arrive([bag(1), bag(3)], { receivedWeightGrams: 2500, vehicleId: TRUCK });
      expect(answer.expectedWeightGrams).toBe(1000 + 1500);
    });

    it('balances the second hop against the transfer departure, using a person’s correction', async () => {
      await load([bag(1), bag(2)]);
      await arrive([bag(1), bag(2)]);
      const departed = await depart([bag(1), bag(2)], { loadWeightGrams: 9000 });
      expect(departed.anomalies.map((anomaly) => anomaly.type)).toEqual(['LOAD_WEIGHT_MISMATCH']);
      await world.call(Roles.UrbanInspector, 'CorrectLoadWeight', {
        loadId: departed.loadId,
        correctedWeightGrams: 2400,
        reason: '称重传感器读数漂移',
      });
      expect(await deliver([bag(1), bag(2)], { receivedWeightGrams: 2400 })).toMatchObject({
        expectedWeightGrams: 2400,
        anomalies: [],
      });
    });
  });

  it.each([
    [{ facilityId: 'LW-TR-001', outcome: 'COMPOSTED' }, 'VALIDATION_FAILED', 'outcome'],
    [{ facilityId: 'LW-FA-001' }, 'VALIDATION_FAILED', 'outcome'],
    [{ vehicleId: '粤C00001' }, 'NOT_FOUND', 'vehicleId'],
    [{ facilityId: 'LW-ST-001' }, 'RULE_VIOLATION', 'facilityId'],
  ])('refuses the whole delivery %j (%s)', async (fields, code, field) => {
    await load([bag(1)]);
    const error = await errorOf(arrive([bag(1)], fields));
    const parsed = parseChaincodeErrorMessage(error.message);
    expect([parsed?.code, parsed?.details?.[0]?.field]).toEqual([code, field]);
  });
});

interface Steps {
  arrive(barcodes: string[], fields?: Record<string, unknown>): Promise<BatchAnswer>;
  depart(barcodes: string[], fields?: Record<string, unknown>): Promise<BatchAnswer>;
  deliver(barcodes: string[], fields?: Record<string, unknown>): Promise<BatchAnswer>;
}
