import '../testing/quiet-logs';
import { type Context } from 'fabric-contract-api';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { HOUSEHOLD, SALT, WasteWorld, bag, errorOf, scan } from '../testing/waste-fixtures';
import { type WasteContract } from './waste-contract';

interface BatchAnswer {
  accepted: number;
  duplicates: string[];
  rejected: { index: number; barcode: string; code: string; message: string }[];
  anomalies: { index?: number; barcode?: string; type: string; message: string }[];
}

const collection = (barcodes: unknown[], fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  vehicleId: '粤A12345',
  stationId: 'LW-ST-001',
  barcodes,
  loadWeightGrams: 1200 * barcodes.length,
  collectedAt: '2026-01-01T09:00:00+08:00',
  ...fields,
});

const delivery = (barcodes: unknown[], fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  facilityId: 'LW-FA-001',
  vehicleId: '粤A12345',
  barcodes,
  receivedWeightGrams: 1200 * barcodes.length,
  outcome: 'COMPOSTED',
  receivedAt: '2026-01-01T11:00:00+08:00',
  ...fields,
});

describe('WasteContract collections and deliveries', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.standardSites();
    await world.commission(1, 10);
    await world.scans([1, 2, 3, 4, 5].map((serial) => scan(bag(serial))));
  });

  async function load(barcodes: unknown[], fields: Record<string, unknown> = {}): Promise<BatchAnswer> {
    return (await world.call(Roles.Hauler, 'RecordCollection', collection(barcodes, fields)))
      .result as BatchAnswer;
  }

  async function deliver(barcodes: unknown[], fields: Record<string, unknown> = {}): Promise<BatchAnswer> {
    return (await world.call(Roles.FacilityOperator, 'RecordDelivery', delivery(barcodes, fields)))
      .result as BatchAnswer;
  }

  it('follows a bag from commissioning to its outcome, in order, readable with GetBag', async () => {
    const loaded = await world.call(Roles.Hauler, 'RecordCollection', collection([bag(1), bag(2)]));
    expect(loaded.result).toEqual({
      loadId: loaded.commit.txId,
      accepted: 2,
      duplicates: [],
      rejected: [],
      anomalies: [],
      loadWeightGrams: 2400,
      scannedWeightGrams: 2400,
    });
    expect(loaded.commit.event?.name).toBe('WasteCollectionRecorded');
    const loadKey = `\u0000waste-load\u0000${loaded.commit.txId}\u0000`;
    expect(world.ledger.getStateValidationParameter(loadKey)).toBeUndefined();

    const delivered = await world.call(
      Roles.FacilityOperator,
      'RecordDelivery',
      delivery([bag(1), bag(2)], { outcome: 'RECYCLED', recoveredWeightGrams: 2000 }),
    );
    expect(delivered.result).toMatchObject({ deliveryId: delivered.commit.txId, accepted: 2 });
    expect(delivered.commit.event?.name).toBe('WasteDeliveryRecorded');
    expect(JSON.parse(delivered.commit.event?.payload.toString() ?? '')).toMatchObject({
      barcodes: [bag(1), bag(2)],
      outcome: 'RECYCLED',
      recoveredWeightGrams: 2000,
      facilityId: 'LW-FA-001',
    });

    const trace = await world.read('GetBag', bag(1));
    expect(trace).toMatchObject({
      barcode: bag(1),
      status: 'DELIVERED',
      outcome: 'RECYCLED',
      category: '02',
      categoryName: 'FOOD',
    });
    expect((trace.events as { step: string }[]).map((event) => event.step)).toEqual([
      'COMMISSIONED',
      'COLLECTED',
      'LOADED',
      'DELIVERED',
    ]);
    const eventKeys = world.ledger
      .stateKeys()
      .filter((key) => key.startsWith(`\u0000waste-bag-event\u0000${bag(1)}`));
    for (const key of eventKeys) {
      expect(world.ledger.getStateValidationParameter(key)).toBeUndefined();
    }
    // Nothing public — state or events of the whole journey — carries the household reference.
    expect(world.publicText()).not.toContain(HOUSEHOLD);
    expect(world.publicText()).not.toContain(SALT);
    expect(await world.read('GetBag', bag(9))).toMatchObject({
      status: 'COMMISSIONED',
      events: [{ step: 'COMMISSIONED' }],
    });
  });

  it('refuses out-of-order bags per item: loading before a scan, delivering before loading', async () => {
    const loaded = await load([bag(1), bag(6), bag(404), 'x', bag(1)]);
    expect(loaded.accepted).toBe(1);
    expect(loaded.duplicates).toEqual([bag(1)]);
    expect(loaded.rejected.map(({ index, code }) => [index, code])).toEqual([
      [1, 'OUT_OF_ORDER'],
      [2, 'NOT_COMMISSIONED'],
      [3, 'MALFORMED_BARCODE'],
    ]);
    const delivered = await deliver([bag(1), bag(2), bag(6)]);
    expect(delivered.accepted).toBe(1);
    expect(delivered.rejected.map(({ index, code }) => [index, code])).toEqual([
      [1, 'OUT_OF_ORDER'],
      [2, 'OUT_OF_ORDER'],
    ]);
    expect((await world.read('GetBag', bag(6))).status).toBe('COMMISSIONED');
  });

  it('reports a bag loaded twice as a duplicate and writes nothing for it', async () => {
    await load([bag(1)]);
    const again = await world.call(Roles.Hauler, 'RecordCollection', collection([bag(1)]));
    expect(again.result).toMatchObject({ accepted: 0, duplicates: [bag(1)], rejected: [] });
    expect(again.tx.pendingWrites()).toEqual([]);
  });

  it('flags LOAD_WEIGHT_MISMATCH beyond the default 10 % and within a configured tolerance', async () => {
    const within = await load([bag(1), bag(2)], { loadWeightGrams: 2640 });
    expect(within.anomalies).toEqual([]);
    const beyond = await world.call(
      Roles.Hauler,
      'RecordCollection',
      collection([bag(3)], { loadWeightGrams: 1321 }),
    );
    const answer = beyond.result as BatchAnswer;
    expect(answer.anomalies).toEqual([
      {
        type: 'LOAD_WEIGHT_MISMATCH',
        message: "vehicle 粤A12345 load 1321 g differs from the 1 bags' scanned 1200 g by more than 0.1",
      },
    ]);
    const stored =
      world.ledger.getState(`\u0000waste-load\u0000${beyond.commit.txId}\u0000`)?.toString() ?? '';
    expect(JSON.parse(stored)).toMatchObject({
      anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH' }],
      scannedWeightGrams: 1200,
    });
    const payload = JSON.parse(beyond.commit.event?.payload.toString() ?? '') as {
      anomalies: { type: string }[];
    };
    expect(payload.anomalies[0]?.type).toBe('LOAD_WEIGHT_MISMATCH');
    expect(((await world.read('GetBag', bag(3))).anomalies as { type: string }[]).map((a) => a.type)).toEqual(
      ['LOAD_WEIGHT_MISMATCH'],
    );

    await world.call(Roles.UrbanInspector, 'SetConfig', { toleranceRatio: '0.01' });
    const strict = await load([bag(4)], { loadWeightGrams: 1213 });
    expect(strict.anomalies.map((anomaly) => anomaly.type)).toEqual(['LOAD_WEIGHT_MISMATCH']);
    const exact = await load([bag(5)], { loadWeightGrams: 1212 });
    expect(exact.anomalies).toEqual([]);
  });

  it('records AFTER_FINAL_OUTCOME for a scan, load or delivery after the outcome, and refuses the event', async () => {
    await load([bag(1)]);
    await deliver([bag(1)]);
    const rescanned = (await world.scans([scan(bag(1), { stationId: 'LW-ST-002' })])).result as BatchAnswer;
    const reloaded = await load([bag(1)]);
    const redelivered = await deliver([bag(1)], { outcome: 'LANDFILLED' });
    for (const answer of [rescanned, reloaded, redelivered]) {
      expect(answer.accepted).toBe(0);
      expect(answer.rejected.map((item) => item.code)).toEqual(['AFTER_FINAL_OUTCOME']);
      expect(answer.anomalies.map((anomaly) => anomaly.type)).toEqual(['AFTER_FINAL_OUTCOME']);
    }
    const trace = await world.read('GetBag', bag(1));
    expect(trace).toMatchObject({ status: 'DELIVERED', outcome: 'COMPOSTED' });
    expect(
      (trace.anomalies as { type: string; step: string }[]).map(({ type, step }) => [type, step]),
    ).toEqual([
      ['AFTER_FINAL_OUTCOME', 'COLLECTED'],
      ['AFTER_FINAL_OUTCOME', 'LOADED'],
      ['AFTER_FINAL_OUTCOME', 'DELIVERED'],
    ]);
    const anomalyKeys = world.ledger.stateKeys().filter((key) => key.startsWith('\u0000waste-anomaly\u0000'));
    expect(anomalyKeys).toHaveLength(3);
    for (const key of anomalyKeys) {
      expect(world.ledger.getStateValidationParameter(key)).toBeUndefined();
    }
  });

  it('refuses an unknown site (NOT_FOUND, UNKNOWN_SITE) or a site of the wrong kind (RULE_VIOLATION)', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['RecordCollection', collection([bag(1)], { stationId: 'LW-ST-404' }), 'NOT_FOUND', 'UNKNOWN_SITE'],
      [
        'RecordCollection',
        collection([bag(1)], { stationId: 'LW-FA-001' }),
        'RULE_VIOLATION',
        'WRONG_SITE_KIND',
      ],
      ['RecordDelivery', delivery([bag(1)], { facilityId: 'LW-FA-404' }), 'NOT_FOUND', 'UNKNOWN_SITE'],
      [
        'RecordDelivery',
        delivery([bag(1)], { facilityId: 'LW-ST-001' }),
        'RULE_VIOLATION',
        'WRONG_SITE_KIND',
      ],
    ];
    for (const [method, json, code, itemCode] of cases) {
      const role = method === 'RecordCollection' ? Roles.Hauler : Roles.FacilityOperator;
      const tx = world.transaction(role);
      // the two answer different shapes: called here only for their errors
      const call: (this: WasteContract, ctx: Context, json: string) => Promise<string> =
        method === 'RecordCollection' ? world.contract.RecordCollection : world.contract.RecordDelivery;
      const payload = parseChaincodeErrorMessage(
        (await errorOf(call.call(world.contract, tx.ctx, JSON.stringify(json)))).message,
      );
      expect([payload?.code, payload?.details[0]?.message.split(':')[0]]).toEqual([code, itemCode]);
      expect(tx.pendingWrites()).toEqual([]);
    }
  });

  it.each([
    ['a missing vehicle', { vehicleId: undefined }, 'vehicleId'],
    ['an empty barcode list', { barcodes: [] }, 'barcodes'],
    ['a zero load weight', { loadWeightGrams: 0 }, 'loadWeightGrams'],
    ['a date without zone', { collectedAt: '2026-01-01T09:00:00' }, 'collectedAt'],
  ])('refuses a collection with %s (VALIDATION_FAILED)', async (_name, fields, field) => {
    const tx = world.transaction(Roles.Hauler);
    const error = await errorOf(
      world.contract.RecordCollection(tx.ctx, JSON.stringify(collection([bag(1)], fields))),
    );
    expect(parseChaincodeErrorMessage(error.message)?.details.map((detail) => detail.field)).toEqual([field]);
  });

  it.each([
    ['RECYCLED without recovered weight', { outcome: 'RECYCLED' }],
    ['recovered weight for another outcome', { recoveredWeightGrams: 5 }],
    ['more recovered than received', { outcome: 'RECYCLED', recoveredWeightGrams: 999_999 }],
    ['an unknown outcome', { outcome: 'BURIED' }],
  ])('refuses a delivery with %s (VALIDATION_FAILED)', async (_name, fields) => {
    const tx = world.transaction(Roles.FacilityOperator);
    const error = await errorOf(
      world.contract.RecordDelivery(tx.ctx, JSON.stringify(delivery([bag(1)], fields))),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('lets only haulers load and only facility operators deliver', async () => {
    const asStation = world.transaction(Roles.StationOperator);
    expect(
      (await errorOf(world.contract.RecordCollection(asStation.ctx, JSON.stringify(collection([bag(1)])))))
        .code,
    ).toBe('FORBIDDEN');
    const asHauler = world.transaction(Roles.Hauler);
    expect(
      (await errorOf(world.contract.RecordDelivery(asHauler.ctx, JSON.stringify(delivery([bag(1)]))))).code,
    ).toBe('FORBIDDEN');
  });

  it('GetBag: VALIDATION_FAILED for a malformed barcode, NOT_FOUND for an unknown bag', async () => {
    const tx = world.transaction(Roles.Hauler);
    expect((await errorOf(world.contract.GetBag(tx.ctx, '123'))).code).toBe('VALIDATION_FAILED');
    expect((await errorOf(world.contract.GetBag(tx.ctx, bag(999)))).code).toBe('NOT_FOUND');
  });
});
