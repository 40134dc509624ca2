import { setTimeout as sleep } from 'node:timers/promises';

/** What happened to one request of the stream. */
export interface StreamEvent {
  readonly at: number;
  /** HTTP status, or 0 when no answer came (connection refused or reset: the gateway is down). */
  readonly status: number;
  readonly latencyMs: number;
  readonly timedOut: boolean;
}

interface Batch {
  readonly key: string;
  readonly barcodes: readonly string[];
  /** Set when first sent and kept for every retry: a retry is the same request, byte for byte. */
  scannedAt?: string;
  /** Not retried before this time: a batch still refused (e.g. its key still in progress) waits. */
  retryAfter?: number;
}

const RETRY_BACKOFF_MS = 2_000;

/**
 * A steady stream of scan batches through the HTTP API, as a station would send them, recording
 * every acknowledgement. A batch that gets no 201 (503, no connection) is retried later with the
 * same Idempotency-Key, as the station scanner does. `acknowledged` holds every barcode the API said
 * is on the ledger: accepted, or a duplicate of an earlier attempt that committed after all.
 */
export class ScanStream {
  readonly events: StreamEvent[] = [];
  readonly acknowledged = new Set<string>();
  readonly #queue: Batch[];
  readonly #retry: Batch[] = [];
  #stopping = false;
  #workers: Promise<void>[] = [];

  constructor(
    private readonly target: { baseUrl: () => string; token: string; stationId: string; runId: string },
    barcodes: readonly string[],
    private readonly options: { batchSize: number; pauseMs: number; requestTimeoutMs: number },
  ) {
    this.#queue = [];
    for (let i = 0; i < barcodes.length; i += options.batchSize) {
      this.#queue.push({ key: `${target.runId}-${i}`, barcodes: barcodes.slice(i, i + options.batchSize) });
    }
  }

  start(workers: number): void {
    this.#workers = Array.from({ length: workers }, () => this.#work());
  }

  /** Stops taking new batches and waits for the requests in flight. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#workers);
  }

  /** Sends every batch that has not been acknowledged yet until all are, or the deadline passes. */
  async drain(deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (this.#retry.length > 0 && Date.now() < deadline) {
      const batch = this.#retry.shift();
      if (batch !== undefined && !(await this.#send(batch))) {
        this.#retry.push(batch);
        await sleep(500);
      }
    }
  }

  get unacknowledgedBatches(): number {
    return this.#retry.length;
  }

  /** The sent barcodes: acknowledged ones, and those of batches still waiting for a retry. */
  get pendingBarcodes(): readonly string[] {
    return this.#retry.flatMap((batch) => batch.barcodes);
  }

  /** First acknowledgement (201) at or after `since`, if any. */
  firstSuccessAfter(since: number): number | undefined {
    return this.events.find((event) => event.at >= since && event.status === 201)?.at;
  }

  /** First request at or after `since` that did not succeed, if any. */
  firstFailureAfter(since: number): number | undefined {
    return this.events.find((event) => event.at >= since && event.status !== 201)?.at;
  }

  async #work(): Promise<void> {
    while (!this.#stopping) {
      // a refused batch whose backoff is over goes first; new batches keep flowing meanwhile, as a
      // station keeps scanning while an old batch waits
      const due = this.#retry.findIndex((batch) => (batch.retryAfter ?? 0) <= Date.now());
      const batch = due >= 0 ? this.#retry.splice(due, 1)[0] : this.#queue.shift();
      if (batch === undefined) {
        if (this.#retry.length === 0) return;
        await sleep(this.options.pauseMs);
        continue;
      }
      if (!(await this.#send(batch))) {
        batch.retryAfter = Date.now() + RETRY_BACKOFF_MS;
        this.#retry.push(batch);
      }
      await sleep(this.options.pauseMs);
    }
  }

  async #send(batch: Batch): Promise<boolean> {
    const begin = Date.now();
    batch.scannedAt ??= new Date(begin).toISOString();
    const scannedAt = batch.scannedAt;
    let status = 0;
    let timedOut = false;
    let body: { duplicates?: string[]; rejected?: { barcode: string }[] } = {};
    try {
      const response = await fetch(`${this.target.baseUrl()}/api/v1/waste/scans`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.target.token}`,
          'content-type': 'application/json',
          'idempotency-key': batch.key,
        },
        body: JSON.stringify({
          scans: batch.barcodes.map((barcode) => ({
            barcode,
            stationId: this.target.stationId,
            scannedAt,
            weightGrams: 750,
            quality: 'CONFORMANT',
          })),
        }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      status = response.status;
      const text = await response.text();
      body = text ? (JSON.parse(text) as typeof body) : {};
    } catch (error) {
      timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    }
    // the time of the answer, not of the request: recovery is when answers come back
    this.events.push({ at: Date.now(), status, latencyMs: Date.now() - begin, timedOut });
    if (status !== 201) return false;
    const rejected = new Set((body.rejected ?? []).map((item) => item.barcode));
    for (const barcode of batch.barcodes) if (!rejected.has(barcode)) this.acknowledged.add(barcode);
    return true;
  }
}
