import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createContext, Script } from 'node:vm';

import { batchesOf, parseScanCsv } from './scan-csv';
import { idempotencyKey } from './upload';

// The console reads a station's scan file in the browser (gateway-api/src/console/assets/
// console-waste-scan-csv.js); a station must get the same rows, the same per-line errors, the same
// batches and the same Idempotency-Keys from the page as from `npm run scan`. The module is plain
// JavaScript without imports, so it runs here in a vm context with its `export`s made into fields.

interface BrowserParser {
  parseScanCsv(text: string): unknown[];
  batchesOf(rows: readonly unknown[], size?: number): unknown[][];
  batchKey(batch: readonly unknown[]): Promise<string>;
}

const MODULE = path.join(__dirname, '../../../gateway-api/src/console/assets/console-waste-scan-csv.js');

function loadBrowserParser(): BrowserParser {
  const source = readFileSync(MODULE, 'utf8').replace(/^export /gm, '');
  const exports = ['parseScanCsv', 'batchesOf', 'batchKey', 'CsvError', 'SCAN_COLUMNS'];
  const context = createContext({ crypto: globalThis.crypto, TextEncoder });
  return new Script(`${source}\n({ ${exports.join(', ')} })`, { filename: MODULE }).runInContext(
    context,
  ) as BrowserParser;
}

/** What a parser does with a text: its rows, or its error's name and message. */
function outcome(parse: (text: string) => unknown[], text: string): unknown {
  try {
    // through JSON: the vm context's objects have that context's prototypes
    return { rows: JSON.parse(JSON.stringify(parse(text))) as unknown };
  } catch (error) {
    const { name, message } = error as Error;
    return { error: { name, message } };
  }
}

const header = 'barcode,stationId,scannedAt,weightGrams,quality';
const row = (barcode: string, weight = '600', quality = 'CONFORMANT'): string =>
  `${barcode},LW-ST-001,2026-11-24T08:00:00+08:00,${weight},${quality}`;

const SAMPLES: Record<string, string> = {
  plain: [header, row('440103010000000017'), row('440103010000000024', '900', 'UNCHECKED')].join('\n'),
  'BOM, CRLF, blank lines and quoted cells': `\uFEFF${header}\r\n${row('"440103010000000017"')}\r\n\r\n${row('X')}\r\n`,
  'columns in another order, with category': `quality,weightGrams,category,scannedAt,stationId,barcode\nCONFORMANT,12,02,T,S,B`,
  'empty category cell': `${header},category\n${row('B')},`,
  'a duplicate and a bad barcode': [header, row('A'), row('A'), row('440103020000000000')].join('\n'),
  'short line': `${header}\nB,S`,
  'fractional weight on line 3': [header, row('A'), row('B', '12.5')].join('\n'),
  'weight not a number': [header, row('A', 'abc')].join('\n'),
  'empty weight': [header, row('A', '')].join('\n'),
  'missing column': 'barcode,stationId,scannedAt,quality\nA,S,T,CONFORMANT',
  empty: '',
  'header only': `${header}\n`,
  'blank lines only': '\n \n',
};

describe("the console's scan CSV parser", () => {
  const browser = loadBrowserParser();

  it.each(Object.entries(SAMPLES))('reads "%s" exactly as the scanner command does', (_name, text) => {
    const fromBrowser = outcome((t) => browser.parseScanCsv(t), text);
    const fromScanner = outcome(parseScanCsv, text);
    expect(fromBrowser).toEqual(fromScanner);
  });

  it('cuts the same batches and derives the same Idempotency-Keys', async () => {
    const text = [header, ...Array.from({ length: 2345 }, (_, i) => row(`B${i}`, String(i)))].join('\n');
    const rows = parseScanCsv(text);
    const batches = batchesOf(rows);
    const browserBatches = browser.batchesOf(browser.parseScanCsv(text));
    expect(JSON.parse(JSON.stringify(browserBatches))).toEqual(batches);
    expect(browserBatches.map((batch) => batch.length)).toEqual([1000, 1000, 345]);
    for (const [index, batch] of batches.entries()) {
      await expect(browser.batchKey(browserBatches[index] ?? [])).resolves.toBe(idempotencyKey(batch));
    }
  });

  it('refuses the same batch sizes', () => {
    for (const size of [0, 1001, 1.5]) {
      expect(() => browser.batchesOf([], size)).toThrow('batch size must be 1..1000');
      expect(() => batchesOf([], size)).toThrow('batch size must be 1..1000');
    }
  });
});
