import { batchesOf, CsvError, parseScanCsv } from './scan-csv';
import { idempotencyKey } from './upload';

const header = 'barcode,stationId,scannedAt,weightGrams,quality';

describe('parseScanCsv', () => {
  it('reads rows in order, dropping a BOM, blank lines and quotes around cells', () => {
    const rows = parseScanCsv(
      `\uFEFF${header}\r\n440103010000000017,LW-ST-001,2026-11-24T08:00:00+08:00,1200,CONFORMANT\n\n"440103010000000024",LW-ST-001,2026-11-24T08:01:00+08:00,900,UNCHECKED\n`,
    );
    expect(rows).toEqual([
      {
        barcode: '440103010000000017',
        stationId: 'LW-ST-001',
        scannedAt: '2026-11-24T08:00:00+08:00',
        weightGrams: 1200,
        quality: 'CONFORMANT',
      },
      {
        barcode: '440103010000000024',
        stationId: 'LW-ST-001',
        scannedAt: '2026-11-24T08:01:00+08:00',
        weightGrams: 900,
        quality: 'UNCHECKED',
      },
    ]);
  });

  it('keeps an optional category column', () => {
    const [row] = parseScanCsv(`${header},category\nX,S,T,1,CONFORMANT,02`);
    expect(row?.category).toBe('02');
  });

  it.each([
    ['an empty file', ''],
    ['a header without weightGrams', 'barcode,stationId,scannedAt,quality\n'],
    ['a weight that is not whole grams', `${header}\nX,S,T,1.5,CONFORMANT`],
  ])('refuses %s with a message', (_label, text) => {
    expect(() => parseScanCsv(text)).toThrow(CsvError);
  });
});

describe('batchesOf', () => {
  it('splits into batches of at most 1000, in order', () => {
    const rows = Array.from({ length: 2501 }, (_, i) => i);
    const batches = batchesOf(rows);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 501]);
    expect(batches.flat()).toEqual(rows);
  });

  it('refuses a batch size the API would refuse', () => {
    expect(() => batchesOf([1], 1001)).toThrow(RangeError);
    expect(() => batchesOf([1], 0)).toThrow(RangeError);
  });
});

describe('idempotencyKey', () => {
  const scan = { barcode: 'B', stationId: 'S', scannedAt: 'T', weightGrams: 1, quality: 'CONFORMANT' };

  it('is the same for the same batch (a retry or a re-run) and differs for another', () => {
    expect(idempotencyKey([scan])).toBe(idempotencyKey([{ ...scan }]));
    expect(idempotencyKey([scan])).not.toBe(idempotencyKey([{ ...scan, weightGrams: 2 }]));
    expect(idempotencyKey([scan])).toMatch(/^[A-Za-z0-9_.:-]{1,128}$/);
  });
});
