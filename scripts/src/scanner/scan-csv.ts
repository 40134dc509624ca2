/**
 * The station scanner's input: a CSV file with a header line and the columns
 * barcode, stationId, scannedAt, weightGrams, quality[, category]. Values are
 * passed on as they are; the gateway and the chaincode judge each scan, so a
 * bad row is reported by the server per scan rather than stopping the upload.
 */
export interface ScanRow {
  readonly barcode: string;
  readonly stationId: string;
  readonly scannedAt: string;
  readonly weightGrams: number;
  readonly quality: string;
  readonly category?: string;
}

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

const REQUIRED = ['barcode', 'stationId', 'scannedAt', 'weightGrams', 'quality'] as const;

function cells(line: string): string[] {
  // Station exports are plain: no quoted commas. Quotes around a whole cell are dropped.
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

export function parseScanCsv(text: string): ScanRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header === undefined) throw new CsvError('the file is empty: expected a header line');
  const columns = cells(header);
  for (const name of REQUIRED) {
    if (!columns.includes(name))
      throw new CsvError(`the header has no "${name}" column (found: ${columns.join(', ')})`);
  }
  return lines.map((line, index) => {
    const values = cells(line);
    const get = (name: string): string => values[columns.indexOf(name)] ?? '';
    const weight = Number(get('weightGrams'));
    if (!Number.isInteger(weight)) {
      throw new CsvError(
        `line ${index + 2}: weightGrams must be a whole number of grams, got "${get('weightGrams')}"`,
      );
    }
    const category = columns.includes('category') ? get('category') : '';
    return {
      barcode: get('barcode'),
      stationId: get('stationId'),
      scannedAt: get('scannedAt'),
      weightGrams: weight,
      quality: get('quality'),
      ...(category ? { category } : {}),
    };
  });
}

/** Splits rows into request-sized batches (the API takes at most 1000 scans per request). */
export function batchesOf<T>(rows: readonly T[], size = 1000): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new RangeError('batch size must be 1..1000');
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}
