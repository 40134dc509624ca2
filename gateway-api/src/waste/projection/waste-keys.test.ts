import {
  anomalyKey,
  bagEventKey,
  bagKey,
  deliveryKey,
  loadKey,
  makeBagBarcode,
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

const collection = (barcodes: string[], bagAnomalies: object[]) =>
  event('WasteCollectionRecorded', {
    ...movement(barcodes),
    loadId: TX,
    stationId: 'LW-ST-001',
    collectedAt: '2026-03-01T18:30:00+08:00',
    loadWeightGrams: 900,
    scannedWeightGrams: 900,
    anomalies: [{ type: 'LOAD_WEIGHT_MISMATCH', message: 'load differs' }],
    bagAnomalies,
  });

const delivery = (barcodes: string[], anomalies: object[]) =>
  event('WasteDeliveryRecorded', {
    ...movement(barcodes),
    deliveryId: TX,
    facilityId: 'LW-FA-001',
    receivedAt: '2026-03-01T20:00:00+08:00',
    outcome: 'INCINERATED',
    receivedWeightGrams: 900,
    anomalies,
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
});
