// Sends a parsed scan file in batches as the scanner command does (scripts/src/scanner/upload.ts):
// one Idempotency-Key per batch, derived from the batch's content, so a retry after a 503 or a
// dropped connection — or uploading the same file again — replays the first answer instead of
// counting a scan twice. Answers become one result per line of the file.

import { request } from './console-api.js';
import { batchKey } from './console-waste-scan-csv.js';

const ATTEMPTS = 8;
const BACKOFF_MS = 1000;

const retryable = (answer) => answer.status === 503 || answer.status === 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One batch, retried with the same key while the network is unavailable. */
async function sendBatch(batch, onRetry) {
  const key = await batchKey(batch);
  for (let attempt = 1; ; attempt += 1) {
    const answer = await request('POST', '/api/v1/waste/scans', {
      body: { scans: batch },
      idempotencyKey: key,
    });
    if (answer.status === 201) return answer.body;
    if (!retryable(answer) || attempt >= ATTEMPTS) return Promise.reject(answer);
    onRetry();
    await sleep(BACKOFF_MS * 2 ** (attempt - 1));
  }
}

/**
 * → { lines: [{ line, barcode, outcome: accepted|duplicate|rejected, code?, message? }], accepted,
 * duplicates, rejected, batches, retries }. `onProgress(done, total)` after each batch. A non-503
 * error stops the upload (as the scanner stops): it rejects with the API answer and the lines so far.
 */
export async function uploadScans(batches, onProgress) {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const summary = { lines: [], accepted: 0, duplicates: 0, rejected: 0, batches: batches.length, retries: 0 };
  let done = 0;
  for (const batch of batches) {
    let answer;
    try {
      answer = await sendBatch(batch, () => {
        summary.retries += 1;
      });
    } catch (failed) {
      return Promise.reject({ answer: failed, summary });
    }
    const rejected = new Map(answer.rejected.map((r) => [r.index, r]));
    // A barcode may repeat inside one file: the server lists it once per duplicate occurrence, and
    // the first occurrence it kept is the accepted one, so the last ones are the duplicates.
    const left = new Map();
    batch.forEach((row, index) => {
      if (!rejected.has(index)) left.set(row.barcode, (left.get(row.barcode) ?? 0) + 1);
    });
    const duplicateCount = new Map();
    for (const barcode of answer.duplicates)
      duplicateCount.set(barcode, (duplicateCount.get(barcode) ?? 0) + 1);
    const seen = new Map();
    batch.forEach((row, index) => {
      // the file's line: the header is line 1, as the scanner counts
      const line = done + index + 2;
      const refusal = rejected.get(index);
      if (refusal !== undefined) {
        summary.lines.push({
          line,
          barcode: row.barcode,
          outcome: 'rejected',
          code: refusal.code,
          message: refusal.message,
        });
        return;
      }
      const nth = (seen.get(row.barcode) ?? 0) + 1;
      seen.set(row.barcode, nth);
      const kept = (left.get(row.barcode) ?? 0) - (duplicateCount.get(row.barcode) ?? 0);
      summary.lines.push({ line, barcode: row.barcode, outcome: nth <= kept ? 'accepted' : 'duplicate' });
    });
    summary.accepted += answer.accepted;
    summary.duplicates += answer.duplicates.length;
    summary.rejected += answer.rejected.length;
    done += batch.length;
    onProgress(done, total);
  }
  return summary;
}
