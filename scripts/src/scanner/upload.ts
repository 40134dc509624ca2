import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ScanRow } from './scan-csv';

/** What the gateway answered for one batch (API.md `POST /api/v1/waste/scans`). */
export interface BatchAnswer {
  readonly accepted: number;
  readonly duplicates: readonly string[];
  readonly rejected: readonly { index: number; barcode: string; code: string; message: string }[];
}

export interface UploadOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Tries per batch while the network answers 503 (or the connection fails). */
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly timeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface UploadSummary {
  readonly batches: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: BatchAnswer['rejected'];
  readonly retries: number;
}

/**
 * The Idempotency-Key of a batch: derived from its content, so re-running the
 * scanner on the same file after a crash, or retrying after a 503, never
 * counts a scan twice — the gateway replays the first answer.
 */
export function idempotencyKey(batch: readonly ScanRow[]): string {
  return `scans-${createHash('sha256').update(JSON.stringify(batch)).digest('hex').slice(0, 40)}`;
}

class RetryableError extends Error {}

async function sendOnce(options: UploadOptions, batch: readonly ScanRow[]): Promise<BatchAnswer> {
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl}/api/v1/waste/scans`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey(batch),
      },
      body: JSON.stringify({ scans: batch }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
  } catch (error) {
    throw new RetryableError(`cannot reach the gateway: ${String(error)}`);
  }
  const text = await response.text();
  if (response.status === 503) throw new RetryableError(`503: ${text.slice(0, 200)}`);
  if (response.status !== 201)
    throw new Error(`the gateway answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as BatchAnswer;
}

/** Sends the batches in order, retrying each on 503 with the same key; stops at any other error. */
export async function uploadBatches(
  options: UploadOptions,
  batches: readonly ScanRow[][],
): Promise<UploadSummary> {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  let done = 0;
  let accepted = 0;
  let duplicates = 0;
  let retries = 0;
  const rejected: BatchAnswer['rejected'][number][] = [];
  for (const batch of batches) {
    const attempts = options.attempts ?? 8;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await sendOnce(options, batch);
        accepted += answer.accepted;
        duplicates += answer.duplicates.length;
        // The server numbers rejections within the batch; number them within the file instead.
        rejected.push(...answer.rejected.map((r) => ({ ...r, index: done + r.index })));
        break;
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt >= attempts) throw error;
        retries += 1;
        await sleep((options.backoffMs ?? 1000) * 2 ** (attempt - 1));
      }
    }
    done += batch.length;
    options.onProgress?.(done, total);
  }
  return { batches: batches.length, accepted, duplicates, rejected, retries };
}
