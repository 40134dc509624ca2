import {
  anomalyKey,
  bagEventKey,
  bagKey,
  deliveryKey,
  loadKey,
  makeBagBarcode,
  recordKey,
  RecordTypes,
  siteKey,
} from '../../../../chaincode/src/contract';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { chaincodeKeyContext as ctx } from '../../index-db/trust/testing/chaincode-key-context';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
} from './waste-movements.projector';
import {
  WasteBinRetiredProjector,
  WasteLoadWeightCorrectedProjector,
  WasteVehicleRegisteredProjector,
} from './waste-fleet.projector';
import { WasteScansProjector } from './waste-scans.projector';
import { WasteSiteProjector } from './waste-site.projector';

// Each projector's claim, against the keys chaincode/src/waste/keys.ts gives the same records.

const bag = (serial: number) => makeBagBarcode('440103', '01', serial);
const TX = 'a'.repeat(64);
const AT = '2026-03-01T10:31:00.000Z';
const afterFinal = (index: number, serial: number) => ({
  index,
  barcode: bag(serial),
  type: 'AFTER_FINAL_OUTCOME',
  message: 'already recycled',
});

function event(eventName: string, payload: object): LedgerEvent {
  return {
    blockNumber: 9n,
    transactionId: TX,
    chaincodeName: 'govtrace',
    eventName,
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

const movement = (barcodes: string[]) => ({
  vehicleId: '粤A12345',
  barcodes,
  recordedAt: AT,
  txId: TX,
  duplicates: [],
  rejected: [],
});

const collection = (barcodes: string[], bagAnomalies: object[], change: object = {}) =>
  event('WasteCollectionRecorded', {
    ...movement(barcodes),
    loadId: TX,
    stationId: 'LW-ST-001',
    collectedAt: '2026-03-01T18:30:00+08:00',
    loadWeightGrams: 900,
    scannedWeightGrams: 900,
    anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH', message: 'load differs' }],
    bagAnomalies,
    ...change,
  });

const delivery = (barcodes: string[], anomalies: object[], change: object = {}) =>
  event('WasteDeliveryRecorded', {
    ...movement(barcodes),
    deliveryId: TX,
    facilityId: 'LW-FA-001',
    receivedAt: '2026-03-01T20:00:00+08:00',
    outcome: 'INCINERATED',
    receivedWeightGrams: 900,
    anomalies,
    ...change,
  });

const scans = (anomalies: object[]) =>
  event('WasteScansRecorded', {
    txId: TX,
    recordedAt: AT,
    accepted: [1, 2].map((serial) => ({
      barcode: bag(serial),
      stationId: 'LW-ST-001',
      scannedAt: '2026-03-01T08:00:00+08:00',
      weightGrams: 900,
      quality: 'CONFORMANT',
      districtCode: '440103',
      bagCategory: '01',
      anomalies: [],
    })),
    duplicates: [],
    rejected: [],
    anomalies,
  });

describe('waste keys', () => {
  it('a site registration names the site', () => {
    const site = {
      siteId: 'LW-ST-001',
      kind: 'STATION',
      districtCode: '440103',
      name: '站',
      registeredAt: AT,
      registeredBy: 'UrbanMSP',
      txId: TX,
    };
    expect(new WasteSiteProjector().prepare(event('WasteSiteRegistered', site)).claim).toEqual({
      keys: [siteKey(ctx, 'LW-ST-001')],
    });
  });

  it('a commissioning names every bag', () => {
    const batch = {
      batchId: bag(1),
      barcodes: [bag(1), bag(2)],
      districtCode: '440103',
      category: '01',
      firstSerial: 1,
      householdHash: 'f'.repeat(64),
      commissionedAt: AT,
      commissionedBy: 'UrbanMSP',
      txId: TX,
    };
    const claim = new WasteBagsCommissionedProjector().prepare(event('WasteBagsCommissioned', batch)).claim;
    expect(claim).toEqual({ keys: [bagKey(ctx, bag(1)), bagKey(ctx, bag(2))] });
  });

  it('a scan batch names each COLLECTED event and the anomaly record of a bag refused after its outcome', () => {
    const outOfDistrict = { index: 0, barcode: bag(1), type: 'OUT_OF_DISTRICT', message: 'elsewhere' };
    const claim = new WasteScansProjector().prepare(scans([outOfDistrict, afterFinal(4, 7)])).claim;
    expect(claim).toEqual({
      keys: [
        bagEventKey(ctx, bag(1), 'COLLECTED'),
        bagEventKey(ctx, bag(2), 'COLLECTED'),
        anomalyKey(ctx, bag(7), TX, 4),
      ],
    });
  });

  it('a collection names the load and each LOADED event; a delivery the delivery and each DELIVERED', () => {
    expect(new WasteCollectionProjector().prepare(collection([bag(1)], [afterFinal(1, 3)])).claim).toEqual({
      keys: [loadKey(ctx, TX), bagEventKey(ctx, bag(1), 'LOADED'), anomalyKey(ctx, bag(3), TX, 1)],
    });
    expect(new WasteDeliveryProjector().prepare(delivery([bag(1), bag(2)], [])).claim).toEqual({
      keys: [
        deliveryKey(ctx, TX),
        bagEventKey(ctx, bag(1), 'DELIVERED'),
        bagEventKey(ctx, bag(2), 'DELIVERED'),
      ],
    });
  });

  it('a movement that accepted no bag names no load or delivery, which the chaincode then does not write', () => {
    expect(new WasteDeliveryProjector().prepare(delivery([], [afterFinal(0, 5)])).claim).toEqual({
      keys: [anomalyKey(ctx, bag(5), TX, 0)],
    });
    expect(new WasteCollectionProjector().prepare(collection([], [])).claim).toEqual({ keys: [] });
  });

  it('an AFTER_FINAL_OUTCOME anomaly without its barcode or index is malformed', () => {
    const withoutIndex = { ...afterFinal(4, 7), index: undefined };
    const withoutBarcode = { ...afterFinal(4, 7), barcode: undefined };
    expect(() => new WasteScansProjector().prepare(scans([withoutIndex]))).toThrow(MalformedEventError);
    expect(() => new WasteScansProjector().prepare(scans([withoutBarcode]))).toThrow(MalformedEventError);
  });

  it('a second hop names TRANSFER_DEPARTED events under the load; an arrival TRANSFER_ARRIVED under the delivery', () => {
    const departing = collection([bag(1)], [], { stationId: 'LW-TR-001', siteKind: 'TRANSFER', hop: 2 });
    expect(new WasteCollectionProjector().prepare(departing).claim).toEqual({
      keys: [loadKey(ctx, TX), bagEventKey(ctx, bag(1), 'TRANSFER_DEPARTED')],
    });
    const arriving = delivery([bag(1)], [], {
      facilityId: 'LW-TR-001',
      siteKind: 'TRANSFER',
      outcome: undefined,
      arrivedLoads: [{ loadId: TX, bags: 1 }],
    });
    expect(new WasteDeliveryProjector().prepare(arriving).claim).toEqual({
      keys: [deliveryKey(ctx, TX), bagEventKey(ctx, bag(1), 'TRANSFER_ARRIVED')],
    });
  });

  it('a vehicle and a bin name their record; a correction its own record under the load', () => {
    const vehicle = {
      vehicleId: '粤A12345D',
      companyUscc: '914403001922038216',
      rfidTag: 'E2801160600002040A1B2C3D',
      capacityKg: 8000,
      status: 'ACTIVE',
      registeredAt: AT,
      txId: TX,
    };
    expect(
      new WasteVehicleRegisteredProjector().prepare(event('WasteVehicleRegistered', vehicle)).claim,
    ).toEqual({
      keys: [recordKey(ctx, RecordTypes.WasteVehicle, '粤A12345D')],
    });
    const retired = {
      binId: 'LW-ST-001-B01',
      status: 'RETIRED',
      retiredAt: AT,
      retiredBy: 'UrbanMSP',
      txId: TX,
    };
    expect(new WasteBinRetiredProjector().prepare(event('WasteBinRetired', retired)).claim).toEqual({
      keys: [recordKey(ctx, RecordTypes.WasteBin, 'LW-ST-001-B01')],
    });
    const load = 'b'.repeat(64);
    const corrected = {
      correctionId: TX,
      loadId: load,
      originalWeightGrams: 900,
      correctedWeightGrams: 950,
      reason: '复秤',
      correctedAt: AT,
      correctedBy: 'UrbanMSP',
      correctedById: 'x509::hauler',
      correctedByRole: 'hauler',
      txId: TX,
    };
    expect(
      new WasteLoadWeightCorrectedProjector().prepare(event('WasteLoadWeightCorrected', corrected)).claim,
    ).toEqual({ keys: [recordKey(ctx, RecordTypes.WasteLoadCorrection, load, TX)] });
  });

  it.each([
    ['a site kind no load leaves from', { siteKind: 'FACILITY' }],
    ['a third hop', { hop: 3 }],
    ['a load id that is not its transaction', { loadId: 'c'.repeat(64) }],
    ['a fractional weight', { loadWeightGrams: 1.5 }],
  ])('a collection with %s is malformed', (_what, change) => {
    const bad = collection([bag(1)], [], { ...change });
    expect(() => new WasteCollectionProjector().prepare(bad)).toThrow(MalformedEventError);
  });

  it('a delivery at a station is malformed', () => {
    const bad = delivery([bag(1)], [], { siteKind: 'STATION' });
    expect(() => new WasteDeliveryProjector().prepare(bad)).toThrow(MalformedEventError);
  });
});
