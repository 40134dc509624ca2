import { UnavailableError } from './errors';

/**
 * A bulkhead for the public routes' ledger reads: at most `maxConcurrent` run at once, at most
 * `maxQueued` wait, and any more are refused at once with 503 (Retry-After is the client's cue).
 * Clerks' writes never wait here, so a burst of citizens queues behind itself instead of taking the
 * peers away from the registry. Each public route has its own (verification, the proof bundles,
 * the transaction look-up), so one cannot starve another; `what` names its requests in the 503.
 */
export class ReadLimiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueued: number,
    private readonly what = 'verification requests',
  ) {}

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.#running >= this.maxConcurrent) {
      if (this.#waiting.length >= this.maxQueued) {
        throw new UnavailableError(`Too many ${this.what} right now; try again in a moment`);
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await read();
    } finally {
      // hand the slot straight to the next waiter, so `running` never drops below what is running
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#running -= 1;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }
}
