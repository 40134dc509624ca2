import '../testing/quiet-logs';
import { DEVICE_SITE_ATTRIBUTE, DEVICE_VEHICLE_ATTRIBUTE, ROLE_ATTRIBUTE, Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { eventShapeProblems } from '../testing/event-shapes';
import { newTestIdentity } from '../testing/test-identity';
import { OTHER_TRUCK, TRUCK, WasteWorld, bag, errorOf, scan } from '../testing/waste-fixtures';
import { shareOfLoad } from './hop-balance';

interface BatchAnswer {
  loadId?: string;
  accepted: number;
  rejected: { code: string }[];
  anomalies: { barcode?: string; type: string }[];
}

const collection = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  vehicleId: TRUCK,
  stationId: 'LW-ST-001',
  barcodes: [bag(1)],
  loadWeightGrams: 1200,
  collectedAt: '2026-01-01T08:00:00+08:00',
  ...fields,
});

/** A device certificate of UrbanMSP: its role and, unless left out, the vehicle or site it belongs to. */
function device(
  role: 'vehicle_device' | 'site_device',
  binding?: string,
): ReturnType<typeof newTestIdentity> {
  const attribute = role === 'vehicle_device' ? DEVICE_VEHICLE_ATTRIBUTE : DEVICE_SITE_ATTRIBUTE;
  return newTestIdentity({
    mspId: 'UrbanMSP',
    commonName: `${role}-1`,
    attributes: { [ROLE_ATTRIBUTE]: role, ...(binding === undefined ? {} : { [attribute]: binding }) },
  });
}

describe('WasteContract devices, routes, capacity, bins and corrections', () => {
  let world: WasteWorld;

  beforeEach(async () => {
    world = new WasteWorld();
    await world.standardSites();
    await world.commission(1, 10);
    await world.scans([1, 2, 3].map((serial) => scan(bag(serial))));
  });

  async function asDevice(
    identity: ReturnType<typeof newTestIdentity>,
    method: 'RecordCollection' | 'RecordScans' | 'RecordDelivery' | 'CorrectLoadWeight',
    json: unknown,
  ): Promise<BatchAnswer> {
    const tx = world.ledger.newTransaction({ identity });
    const answer = JSON.parse(await world.contract[method](tx.ctx, JSON.stringify(json))) as BatchAnswer;
    expect(tx.commit().validationCode).toBe('VALID');
    return answer;
  }

  describe('routes', () => {
    const route = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
      vehicleId: TRUCK,
      day: '2026-01-01',
      siteIds: ['LW-ST-002', 'LW-TR-001'],
      ...fields,
    });

    it.each([
      ['no route planned for the day', undefined, []],
      ['the station is on the route', route({ siteIds: ['LW-ST-001', 'LW-FA-001'] }), []],
      ['the station is not on the route', route(), ['OFF_ROUTE']],
      ['the route is for another day', route({ day: '2026-01-02' }), []],
      // 07:30 on 1 January in Shanghai is 31 December in UTC: the local day decides
      ['the route is for the UTC day, not the local one', route({ day: '2025-12-31' }), []],
    ])('%s', async (_what, planned, anomalies) => {
      if (planned !== undefined) {
        await world.call(Roles.Hauler, 'RecordRoute', planned);
      }
      const answer = (
        await world.call(
          Roles.Hauler,
          'RecordCollection',
          collection({ collectedAt: '2026-01-01T07:30:00+08:00' }),
        )
      ).result as BatchAnswer;
      expect(answer.anomalies.map((anomaly) => anomaly.type)).toEqual(anomalies);
    });

    it('replaces a day’s plan with the next revision and reads it back', async () => {
      await world.call(Roles.Hauler, 'RecordRoute', route());
      const second = await world.call(Roles.UrbanInspector, 'RecordRoute', route({ siteIds: ['LW-ST-001'] }));
      expect(second.result).toMatchObject({ revision: 2, siteIds: ['LW-ST-001'] });
      const tx = world.transaction(Roles.StationOperator);
      expect(JSON.parse(await world.contract.GetRoute(tx.ctx, TRUCK, '2026-01-01'))).toMatchObject({
        revision: 2,
      });
      expect(eventShapeProblems(world.ledger.events)).toEqual([]);
    });

    it.each([
      [route({ day: '2026-02-30' }), 'VALIDATION_FAILED', 'day'],
      [route({ siteIds: [] }), 'VALIDATION_FAILED', 'siteIds'],
      [route({ siteIds: ['LW-ST-001', 'LW-ST-001'] }), 'VALIDATION_FAILED', 'siteIds[1]'],
      [route({ vehicleId: 'ABC' }), 'VALIDATION_FAILED', 'vehicleId'],
      [route({ siteIds: ['LW-ST-009'] }), 'NOT_FOUND', 'siteIds'],
      [route({ vehicleId: '粤C00001' }), 'NOT_FOUND', 'vehicleId'],
    ])('refuses the route %j (%s on %s)', async (input, code, field) => {
      const error = await errorOf(world.call(Roles.Hauler, 'RecordRoute', input));
      const parsed = parseChaincodeErrorMessage(error.message);
      expect([parsed?.code, parsed?.details?.[0]?.field]).toEqual([code, field]);
    });
  });

  describe('vehicles on loads', () => {
    it('flags OVER_CAPACITY above the registered capacity (8000 kg) and not at it', async () => {
      const at = (
        await world.call(
          Roles.Hauler,
          'RecordCollection',
          collection({ loadWeightGrams: 8_000_000, barcodes: [bag(1)] }),
        )
      ).result as BatchAnswer;
      expect(at.anomalies.map((anomaly) => anomaly.type)).toEqual(['LOAD_WEIGHT_MISMATCH']);
      const over = (
        await world.call(
          Roles.Hauler,
          'RecordCollection',
          collection({ loadWeightGrams: 8_000_001, barcodes: [bag(2)] }),
        )
      ).result as BatchAnswer;
      expect(over.anomalies.map((anomaly) => anomaly.type)).toEqual([
        'LOAD_WEIGHT_MISMATCH',
        'OVER_CAPACITY',
      ]);
    });

    it.each([
      ['an unknown vehicle', '粤C00001', 'NOT_FOUND', 'UNKNOWN_VEHICLE'],
      ['a retired vehicle', OTHER_TRUCK, 'RULE_VIOLATION', 'RETIRED_VEHICLE'],
    ])('refuses a load on %s', async (_what, vehicleId, code, detail) => {
      await world.call(Roles.UrbanInspector, 'RetireVehicle', OTHER_TRUCK);
      const error = await errorOf(world.call(Roles.Hauler, 'RecordCollection', collection({ vehicleId })));
      const parsed = parseChaincodeErrorMessage(error.message);
      expect(parsed?.code).toBe(code);
      expect(parsed?.details?.[0]?.message).toMatch(new RegExp(`^${detail}:`));
      expect((await world.read('GetBag', bag(1))).status).toBe('COLLECTED');
    });
  });

  describe('devices', () => {
    it('records a weighing signed by the vehicle’s own unit as device-reported, with its certificate', async () => {
      const unit = device('vehicle_device', TRUCK);
      const answer = await asDevice(unit, 'RecordCollection', collection());
      const loadRecord = await world.read('GetLoad', answer.loadId ?? '');
      expect(loadRecord.reportedBy).toMatchObject({
        role: 'vehicle_device',
        device: true,
        mspId: 'UrbanMSP',
      });
      expect(String((loadRecord.reportedBy as { id: string }).id)).toContain('CN=vehicle_device-1');
      const trace = await world.read('GetBag', bag(1));
      const loaded = (trace.events as { step: string; reporterRole?: string }[]).find(
        (e) => e.step === 'LOADED',
      );
      expect(loaded?.reporterRole).toBe('vehicle_device');
    });

    it.each([
      ['a unit of another vehicle', device('vehicle_device', OTHER_TRUCK)],
      ['a unit whose certificate names no vehicle', device('vehicle_device')],
    ])('refuses a load reported by %s (FORBIDDEN)', async (_what, identity) => {
      const error = await errorOf(asDevice(identity, 'RecordCollection', collection()));
      expect(parseChaincodeErrorMessage(error.message)?.code).toBe('FORBIDDEN');
    });

    it('lets a station scanner report for its own station only (NOT_DEVICE_SITE per item)', async () => {
      await world.commission(100, 2);
      const answer = await asDevice(device('site_device', 'LW-ST-001'), 'RecordScans', {
        scans: [scan(bag(100)), scan(bag(101), { stationId: 'LW-ST-002' })],
      });
      expect(answer.accepted).toBe(1);
      expect(answer.rejected.map((item) => item.code)).toEqual(['NOT_DEVICE_SITE']);
    });

    it('lets a facility weighbridge report arrivals at its own site only', async () => {
      await world.call(
        Roles.Hauler,
        'RecordCollection',
        collection({ barcodes: [bag(1), bag(2)], loadWeightGrams: 2400 }),
      );
      const arrival = (fields: Record<string, unknown>): Record<string, unknown> => ({
        facilityId: 'LW-FA-001',
        vehicleId: TRUCK,
        barcodes: [bag(1)],
        receivedWeightGrams: 1200,
        outcome: 'COMPOSTED',
        receivedAt: '2026-01-01T11:00:00+08:00',
        ...fields,
      });
      expect(await asDevice(device('site_device', 'LW-FA-001'), 'RecordDelivery', arrival({}))).toMatchObject(
        {
          accepted: 1,
        },
      );
      const error = await errorOf(
        asDevice(device('site_device', 'LW-TR-001'), 'RecordDelivery', arrival({ barcodes: [bag(2)] })),
      );
      expect(parseChaincodeErrorMessage(error.message)?.code).toBe('FORBIDDEN');
    });

    it('keeps the device’s weighing and records a person’s correction beside it; a device cannot correct', async () => {
      const answer = await asDevice(device('vehicle_device', TRUCK), 'RecordCollection', collection());
      const loadId = answer.loadId ?? '';
      const correction = { loadId, correctedWeightGrams: 1150, reason: '皮重未扣除' };
      const refused = await errorOf(
        asDevice(device('vehicle_device', TRUCK), 'CorrectLoadWeight', correction),
      );
      expect(parseChaincodeErrorMessage(refused.message)?.code).toBe('FORBIDDEN');
      await world.call(Roles.Hauler, 'CorrectLoadWeight', correction);
      const loadRecord = await world.read('GetLoad', loadId);
      expect(loadRecord).toMatchObject({
        loadWeightGrams: 1200,
        effectiveWeightGrams: 1150,
        reportedBy: { role: 'vehicle_device', device: true },
        corrections: [{ originalWeightGrams: 1200, correctedWeightGrams: 1150, correctedByRole: 'hauler' }],
      });
      expect(eventShapeProblems(world.ledger.events)).toEqual([]);
    });

    it.each([
      [{ loadId: 'f'.repeat(64), correctedWeightGrams: 1, reason: 'x' }, 'NOT_FOUND'],
      [{ loadId: 'nope', correctedWeightGrams: 1, reason: 'x' }, 'VALIDATION_FAILED'],
      [{ loadId: 'f'.repeat(64), correctedWeightGrams: 0, reason: 'x' }, 'VALIDATION_FAILED'],
      [{ loadId: 'f'.repeat(64), correctedWeightGrams: 1, reason: '   ' }, 'VALIDATION_FAILED'],
    ])('refuses the correction %j (%s)', async (input, code) => {
      const error = await errorOf(world.call(Roles.UrbanInspector, 'CorrectLoadWeight', input));
      expect(parseChaincodeErrorMessage(error.message)?.code).toBe(code);
    });
  });

  describe('bins on scans', () => {
    beforeEach(async () => {
      await world.commission(200, 5);
      const bin = (binId: string, siteId: string, category: string): Record<string, unknown> => ({
        binId,
        siteId,
        rfidTag: `E2801160600002${binId.slice(-2)}00000000`.padEnd(24, '0'),
        category,
      });
      await world.call(Roles.UrbanInspector, 'RegisterBin', bin('LW-ST-001-B01', 'LW-ST-001', '02'));
      await world.call(Roles.UrbanInspector, 'RegisterBin', bin('LW-ST-001-B02', 'LW-ST-001', '01'));
      await world.call(Roles.UrbanInspector, 'RegisterBin', bin('LW-ST-002-B01', 'LW-ST-002', '02'));
      await world.call(Roles.UrbanInspector, 'RegisterBin', bin('LW-ST-001-B09', 'LW-ST-001', '02'));
      await world.call(Roles.UrbanInspector, 'RetireBin', 'LW-ST-001-B09');
    });

    it.each([
      ['a registered bin of the bag’s category', 'LW-ST-001-B01', undefined, []],
      ['a bin of another category', 'LW-ST-001-B02', undefined, ['BIN_CATEGORY_MISMATCH']],
      ['an unknown bin', 'LW-ST-001-B77', 'UNKNOWN_BIN', []],
      ['a retired bin', 'LW-ST-001-B09', 'RETIRED_BIN', []],
      ['a bin at another station', 'LW-ST-002-B01', 'BIN_ELSEWHERE', []],
      ['a malformed bin id', 'lw-bin', 'VALIDATION_FAILED', []],
    ])('a scan naming %s', async (_what, binId, code, anomalies) => {
      const answer = (await world.scans([scan(bag(200), { binId })])).result as BatchAnswer;
      expect(answer.rejected.map((item) => item.code)).toEqual(code === undefined ? [] : [code]);
      expect(answer.accepted).toBe(code === undefined ? 1 : 0);
      expect(answer.anomalies.map((anomaly) => anomaly.type)).toEqual(anomalies);
    });
  });

  describe('configuration', () => {
    it.each([
      [{ toleranceRatio: 0.05 }, 240],
      [{ toleranceRatio: 0.05, arrivalDeadlineMinutes: 90 }, 90],
    ])('SetConfig %j leaves the arrival deadline at %i', async (input, minutes) => {
      const answer = await world.call(Roles.UrbanInspector, 'SetConfig', input);
      expect(answer.result).toMatchObject({ arrivalDeadlineMinutes: minutes });
    });

    it('keeps a deadline set earlier when only the tolerance changes', async () => {
      await world.call(Roles.UrbanInspector, 'SetConfig', {
        toleranceRatio: 0.1,
        arrivalDeadlineMinutes: 60,
      });
      const answer = await world.call(Roles.UrbanInspector, 'SetConfig', { toleranceRatio: 0.2 });
      expect(answer.result).toMatchObject({ toleranceRatio: '0.2', arrivalDeadlineMinutes: 60 });
    });

    it.each([9, 2881, 1.5, '60'])('refuses arrivalDeadlineMinutes %j', async (minutes) => {
      const error = await errorOf(
        world.call(Roles.UrbanInspector, 'SetConfig', {
          toleranceRatio: 0.1,
          arrivalDeadlineMinutes: minutes,
        }),
      );
      expect(parseChaincodeErrorMessage(error.message)?.details?.[0]?.field).toBe('arrivalDeadlineMinutes');
    });
  });
});

describe('shareOfLoad', () => {
  it.each([
    [3000, 1000, 3000, 1000],
    [3000, 3000, 3000, 3000],
    [1000, 1, 3, 333],
    [1000, 2, 3, 667],
    [100_000_000, 99_999_999, 100_000_000, 99_999_999],
    [5000, 10, 0, 5000],
  ])('%i g × %i / %i → %i g', (load, part, whole, expected) => {
    expect(shareOfLoad(load, part, whole)).toBe(expected);
  });
});
