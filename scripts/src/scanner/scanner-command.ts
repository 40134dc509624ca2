import { readFile } from 'node:fs/promises';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { batchesOf, parseScanCsv } from './scan-csv';
import { uploadBatches } from './upload';

/** A one-line progress bar; one line per batch, so it reads the same in a terminal and in a log. */
function progressLine(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} scans sent`;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function tokenFor(args: readonly string[]): Promise<string> {
  const fromEnv = process.env['GOVTRACE_TOKEN'];
  if (fromEnv) return fromEnv;
  const user = option(args, '--user') ?? 'station-operator';
  const tokens = JSON.parse(await readFile(paths.apiTokensFile, 'utf8')) as Record<string, string>;
  const token = tokens[user];
  if (!token)
    throw new OperatorError(`no token for "${user}" in ${paths.apiTokensFile}`, 'Set GOVTRACE_TOKEN.');
  return token;
}

/**
 * `npm run scan -- <file.csv> [--url http://127.0.0.1:3000] [--user station-operator] [--batch 1000]`:
 * a station's backlog (with the original scan times) sent in batches, each retried on 503 with the
 * same Idempotency-Key, then a summary. Exit 1 when any scan was rejected.
 */
export async function scanCommand(args: readonly string[]): Promise<number> {
  const file = args.find((arg, i) => !arg.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (!file) {
    console.error('usage: npm run scan -- <file.csv> [--url URL] [--user USER] [--batch N]');
    return 2;
  }
  const rows = parseScanCsv(await readFile(file, 'utf8'));
  const batches = batchesOf(rows, Number(option(args, '--batch') ?? '1000'));
  console.log(`${rows.length} scans in ${batches.length} batch(es) from ${file}`);
  const summary = await uploadBatches(
    {
      baseUrl: option(args, '--url') ?? `http://127.0.0.1:${process.env['PORT'] ?? '3000'}`,
      token: await tokenFor(args),
      onProgress: (done, total) => console.log(progressLine(done, total)),
    },
    batches,
  );
  console.log(
    `\naccepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}` +
      ` (${summary.batches} batches, ${summary.retries} retries after 503)`,
  );
  for (const r of summary.rejected.slice(0, 50))
    console.log(`  line ${r.index + 2}: ${r.barcode} ${r.code} ${r.message}`);
  if (summary.rejected.length > 50) console.log(`  … and ${summary.rejected.length - 50} more`);
  return summary.rejected.length === 0 ? 0 : 1;
}
