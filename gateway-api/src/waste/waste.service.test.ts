import { makeBagBarcode } from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { ApiError, NotFoundError, ValidationFailedError } from '../common/errors';
import { type LedgerCall, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { WasteService } from './waste.service';

/** An in-memory LedgerClient: records the calls and answers what the test queued. */
class FakeLedger implements LedgerClient {
  readonly calls: { kind: 'submit' | 'evaluate'; user: string; call: LedgerCall }[] = [];
  answer: unknown = {};
  error: Error | undefined;

  submit(user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push({ kind: 'submit', user, call });
    if (this.error) return Promise.reject(this.error);
    return Promise.resolve({ txId: 'tx-1', blockNumber: 7n, result: this.bytes() });
  }

  evaluate(user: string, call: LedgerCall): Promise<Uint8Array> {
    this.calls.push({ kind: 'evaluate', user, call });
    if (this.error) return Promise.reject(this.error);
    return Promise.resolve(this.bytes());
  }

  private bytes(): Uint8Array {
    return new TextEncoder().encode(
      typeof this.answer === 'string' ? this.answer : JSON.stringify(this.answer),
    );
  }

  argument(index = 0): unknown {
    const arg = this.calls[index]?.call.args[0];
    return JSON.parse(typeof arg === 'string' ? arg : '') as unknown;
  }
}

const inspector: Principal = { user: 'inspector1', mspId: 'UrbanMSP', role: 'urban_inspector' };
const operator: Principal = { user: 'station1', mspId: 'UrbanMSP', role: 'station_operator' };
const barcode = makeBagBarcode('440103', '01', 1);

describe('WasteService', () => {
  let ledger: FakeLedger;
  let service: WasteService;

  beforeEach(() => {
    ledger = new FakeLedger();
    service = new WasteService(ledger);
  });

  it('registers a site as the caller, endorsed by UrbanMSP', async () => {
    const site = { siteId: 'LW-ST-001', kind: 'STATION' as const, districtCode: '440103', name: '站' };
    ledger.answer = { ...site, registeredAt: '2026-03-01T00:00:00.000Z', registeredBy: 'UrbanMSP' };
    await expect(service.registerSite(inspector, site)).resolves.toEqual({
      ...site,
      registeredAt: '2026-03-01T00:00:00.000Z',
      registeredBy: 'UrbanMSP',
      txId: 'tx-1',
      blockNumber: 7,
    });
    expect(ledger.calls[0]).toEqual({
      kind: 'submit',
      user: 'inspector1',
      call: {
        contract: 'waste',
        transaction: 'RegisterSite',
        args: [JSON.stringify(site)],
        endorsingOrgs: ['UrbanMSP'],
      },
    });
  });

  it('sends the household reference only as transient data, with a fresh salt each time', async () => {
    ledger.answer = { batchId: barcode, barcodes: [barcode] };
    const dto = {
      districtCode: '440103',
      category: '01' as const,
      firstSerial: 1,
      count: 1,
      householdRef: 'H-秘密',
    };
    await expect(service.commissionBags(inspector, dto)).resolves.toEqual({
      batchId: barcode,
      barcodes: [barcode],
      txId: 'tx-1',
      blockNumber: 7,
    });
    await service.commissionBags(inspector, dto);
    const [first, second] = ledger.calls.map(({ call }) => call);
    expect(ledger.argument()).toEqual({ districtCode: '440103', category: '01', firstSerial: 1, count: 1 });
    expect(JSON.stringify(first?.args)).not.toContain('H-秘密');
    expect(first?.transient).toEqual({
      householdRef: 'H-秘密',
      householdSalt: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    expect(second?.transient?.householdSalt).not.toEqual(first?.transient?.householdSalt);
    expect(first?.endorsingOrgs).toEqual(['UrbanMSP']);
  });

  it('sends the scans as one transaction and maps the per-scan answer', async () => {
    const scans = [
      {
        barcode,
        stationId: 'LW-ST-001',
        scannedAt: '2026-03-01T08:00:00+08:00',
        weightGrams: 900,
        quality: 'CONFORMANT',
      },
      {
        barcode: 'junk',
        stationId: 'LW-ST-001',
        scannedAt: '2026-03-01T08:01:00+08:00',
        weightGrams: 1,
        quality: 'UNCHECKED',
        category: '02',
      },
    ];
    const rejected = [
      { index: 1, barcode: 'junk', code: 'MALFORMED_BARCODE', message: 'barcode must be 18 digits' },
    ];
    const anomalies = [{ index: 0, barcode, type: 'OUT_OF_DISTRICT', message: 'elsewhere' }];
    ledger.answer = { accepted: 1, duplicates: [], rejected, anomalies };
    await expect(service.recordScans(operator, { scans })).resolves.toEqual({
      accepted: 1,
      duplicates: [],
      rejected,
      anomalies,
      txIds: ['tx-1'],
      blockNumber: 7,
    });
    expect(ledger.calls).toHaveLength(1);
    expect(ledger.calls[0]?.user).toBe('station1');
    expect(ledger.calls[0]?.call.transaction).toBe('RecordScans');
    expect(ledger.argument()).toEqual({ scans });
  });

  it('maps collections and deliveries with their record ids', async () => {
    ledger.answer = {
      loadId: 'tx-1',
      accepted: 1,
      duplicates: ['x'],
      rejected: [],
      anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH', message: 'heavy' }],
      loadWeightGrams: 5000,
      scannedWeightGrams: 900,
    };
    const load = {
      vehicleId: '粤A12345',
      stationId: 'LW-ST-001',
      barcodes: [barcode],
      loadWeightGrams: 5000,
      collectedAt: '2026-03-01T09:00:00+08:00',
    };
    await expect(service.recordCollection(operator, load)).resolves.toMatchObject({
      loadId: 'tx-1',
      duplicates: ['x'],
      scannedWeightGrams: 900,
      txId: 'tx-1',
      blockNumber: 7,
    });
    expect(ledger.argument(0)).toEqual(load);

    ledger.answer = {
      deliveryId: 'tx-1',
      accepted: 1,
      duplicates: [],
      rejected: [],
      anomalies: [],
      expectedWeightGrams: 880,
    };
    const delivery = {
      facilityId: 'LW-FA-001',
      vehicleId: '粤A12345',
      barcodes: [barcode],
      receivedWeightGrams: 900,
      outcome: 'INCINERATED' as const,
      receivedAt: '2026-03-01T11:00:00+08:00',
    };
    await expect(service.recordDelivery(operator, delivery)).resolves.toMatchObject({
      deliveryId: 'tx-1',
      accepted: 1,
    });
    expect(ledger.argument(1)).toEqual(delivery);
  });

  it('answers 500 when the chaincode result has another shape', async () => {
    ledger.answer = { accepted: 'many' };
    await expect(service.recordScans(operator, { scans: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    ledger.answer = 'not json';
    await expect(service.trace(operator, barcode)).rejects.toBeInstanceOf(ApiError);
  });

  it('reads the trace with GetBag, refusing a malformed barcode before asking the ledger', async () => {
    ledger.answer = {
      barcode,
      districtCode: barcode.slice(0, 6),
      category: barcode.slice(6, 8),
      categoryName: 'RECYCLABLE',
      serial: 1,
      status: 'COMMISSIONED',
      events: [{ step: 'COMMISSIONED' }],
      anomalies: [],
    };
    await expect(service.trace(operator, barcode)).resolves.toMatchObject({
      barcode,
      status: 'COMMISSIONED',
    });
    expect(ledger.calls[0]).toMatchObject({
      kind: 'evaluate',
      call: { transaction: 'GetBag', args: [barcode] },
    });

    const refused = service.trace(operator, '123');
    await expect(refused).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(refused).rejects.toMatchObject({ details: [{ field: 'barcode' }] });
    expect(ledger.calls).toHaveLength(1);
  });

  it('lets ledger errors through (404 for an unknown bag)', async () => {
    ledger.error = new NotFoundError(`bag ${barcode} not found`);
    await expect(service.trace(operator, barcode)).rejects.toBe(ledger.error);
  });
});
