// The station scanner's CSV read in the browser exactly as `npm run scan` reads it
// (scripts/src/scanner/scan-csv.ts): same header names, same per-line errors, same batches. It
// touches no DOM and imports nothing (Web Crypto aside), so a unit test can evaluate this file in Node and compare it
// with the scanner's parser line for line.

export const SCAN_COLUMNS = ['barcode', 'stationId', 'scannedAt', 'weightGrams', 'quality'];

/** A file the scanner would refuse; the message names the line as the scanner does. */
export class CsvError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CsvError';
  }
}

function cells(line) {
  // Station exports are plain: no quoted commas. Quotes around a whole cell are dropped.
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/** → [{ barcode, stationId, scannedAt, weightGrams, quality, category? }]; throws CsvError. */
export function parseScanCsv(text) {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header === undefined) throw new CsvError('the file is empty: expected a header line');
  const columns = cells(header);
  for (const name of SCAN_COLUMNS) {
    if (!columns.includes(name))
      throw new CsvError(`the header has no "${name}" column (found: ${columns.join(', ')})`);
  }
  return lines.map((line, index) => {
    const values = cells(line);
    const get = (name) => values[columns.indexOf(name)] ?? '';
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

/** Request-sized batches (the API takes at most 1000 scans per request). */
export function batchesOf(rows, size = 1000) {
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new RangeError('batch size must be 1..1000');
  const batches = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}

/**
 * A batch's Idempotency-Key: `scans-` + 40 hex of SHA-256 over the batch's JSON, the key the
 * scanner command sends for the same rows, so a file sent by either is never counted twice.
 */
export async function batchKey(batch) {
  const bytes = new globalThis.TextEncoder().encode(JSON.stringify(batch));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `scans-${hex.slice(0, 40)}`;
}
