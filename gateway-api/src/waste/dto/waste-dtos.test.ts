import 'reflect-metadata';

import { type ArgumentMetadata } from '@nestjs/common';

import { makeBagBarcode } from '../../../../chaincode/src/contract';
import { ValidationFailedError } from '../../common/errors';
import { createValidationPipe } from '../../common/validation';
import { CommissionBagsDto } from './bag-batch.dto';
import { RecordCollectionDto, RecordDeliveryDto } from './collection.dto';
import { RecordScansDto } from './scans.dto';
import { RegisterSiteDto } from './site.dto';
import { StationStatsQueryDto } from './stats.dto';

type Dto = new () => object;

function accept(metatype: Dto, value: unknown, type: ArgumentMetadata['type'] = 'body'): Promise<unknown> {
  return createValidationPipe().transform(value, { type, metatype }) as Promise<unknown>;
}

async function fieldsRefused(metatype: Dto, value: unknown, type: ArgumentMetadata['type'] = 'body') {
  try {
    await accept(metatype, value, type);
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      expect(error.getStatus()).toBe(400);
      return [...new Set(error.details.map((detail) => detail.field))];
    }
    throw error;
  }
  throw new Error('expected 400');
}

const barcode = makeBagBarcode('440103', '01', 1);
const scan = {
  barcode,
  stationId: 'LW-ST-001',
  scannedAt: '2026-03-01T08:00:00+08:00',
  weightGrams: 1200,
  quality: 'CONFORMANT',
};

describe('RecordScansDto', () => {
  it('accepts 1000 scans', async () => {
    await expect(
      accept(RecordScansDto, { scans: Array.from({ length: 1000 }, () => scan) }),
    ).resolves.toBeInstanceOf(RecordScansDto);
  });

  it('refuses 1001 scans and an empty batch, naming scans', async () => {
    expect(await fieldsRefused(RecordScansDto, { scans: Array.from({ length: 1001 }, () => scan) })).toEqual([
      'scans',
    ]);
    expect(await fieldsRefused(RecordScansDto, { scans: [] })).toEqual(['scans']);
    expect(await fieldsRefused(RecordScansDto, {})).toEqual(['scans']);
  });

  it('lets malformed values through for the chaincode to answer per scan', async () => {
    const values = [
      { ...scan, barcode: 'not-a-barcode' },
      { ...scan, barcode: `${barcode.slice(0, 17)}${(Number(barcode[17]) + 1) % 10}` },
      { ...scan, stationId: 'bad station', quality: 'GOOD', weightGrams: -5, scannedAt: 'yesterday' },
      { ...scan, category: '09' },
    ];
    await expect(accept(RecordScansDto, { scans: values })).resolves.toEqual({ scans: values });
  });

  it('refuses wrong JSON types and unknown fields, naming the scan and field', async () => {
    expect(
      await fieldsRefused(RecordScansDto, {
        scans: [
          scan,
          { ...scan, weightGrams: '1200' },
          { ...scan, barcode: 440103 },
          { ...scan, colour: 'red' },
        ],
      }),
    ).toEqual(['scans.1.weightGrams', 'scans.2.barcode', 'scans.3.colour']);
    expect(await fieldsRefused(RecordScansDto, { scans: [scan, 'x'] })).toEqual(['scans.1']);
    expect(await fieldsRefused(RecordScansDto, { scans: [scan], extra: 1 })).toEqual(['extra']);
  });
});

describe('other waste bodies', () => {
  it('RegisterSiteDto uses the chaincode patterns', async () => {
    const site = { siteId: 'LW-ST-001', kind: 'STATION', districtCode: '440103', name: '站前路收集点' };
    await expect(accept(RegisterSiteDto, site)).resolves.toEqual(site);
    expect(
      await fieldsRefused(RegisterSiteDto, {
        siteId: 'lw st',
        kind: 'DEPOT',
        districtCode: '040103',
        name: ' x',
      }),
    ).toEqual(['siteId', 'kind', 'districtCode', 'name']);
  });

  it('CommissionBagsDto checks the range and requires the household reference', async () => {
    const batch = { districtCode: '440103', category: '01', firstSerial: 1, count: 50, householdRef: 'H-1' };
    await expect(accept(CommissionBagsDto, batch)).resolves.toEqual(batch);
    expect(
      await fieldsRefused(CommissionBagsDto, {
        districtCode: '4401',
        category: '05',
        firstSerial: -1,
        count: 1001,
      }),
    ).toEqual(['districtCode', 'category', 'firstSerial', 'count', 'householdRef']);
  });

  it('RecordCollectionDto checks the envelope strictly but each barcode only for its type', async () => {
    const load = {
      vehicleId: '粤A12345',
      stationId: 'LW-ST-001',
      barcodes: [barcode, 'garbled'],
      loadWeightGrams: 2500,
      collectedAt: '2026-03-01T09:30:00+08:00',
    };
    await expect(accept(RecordCollectionDto, load)).resolves.toEqual(load);
    expect(
      await fieldsRefused(RecordCollectionDto, {
        ...load,
        vehicleId: 'a',
        barcodes: [1],
        loadWeightGrams: 1.5,
        collectedAt: '2026-03-01 09:30',
      }),
    ).toEqual(['vehicleId', 'barcodes', 'loadWeightGrams', 'collectedAt']);
  });

  it('RecordDeliveryDto checks the outcome and the optional recovered weight', async () => {
    const delivery = {
      facilityId: 'LW-FA-001',
      vehicleId: '粤A12345',
      barcodes: [barcode],
      receivedWeightGrams: 2400,
      outcome: 'RECYCLED',
      recoveredWeightGrams: 2000,
      receivedAt: '2026-03-01T11:00:00Z',
    };
    await expect(accept(RecordDeliveryDto, delivery)).resolves.toEqual(delivery);
    expect(
      await fieldsRefused(RecordDeliveryDto, {
        ...delivery,
        outcome: 'BURIED',
        recoveredWeightGrams: '2000',
      }),
    ).toEqual(['outcome', 'recoveredWeightGrams']);
  });

  it('StationStatsQueryDto wants a real YYYY-MM-DD day', async () => {
    await expect(accept(StationStatsQueryDto, { date: '2026-02-28' }, 'query')).resolves.toEqual({
      date: '2026-02-28',
    });
    expect(await fieldsRefused(StationStatsQueryDto, { date: '2026-02-30' }, 'query')).toEqual(['date']);
    expect(await fieldsRefused(StationStatsQueryDto, {}, 'query')).toEqual(['date']);
  });
});
