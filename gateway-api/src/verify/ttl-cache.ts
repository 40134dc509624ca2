/**
 * A small in-process cache with a time to live and a size bound (oldest entry out first). Used for
 * public answers that may be a little stale; the promise is cached so concurrent requests for the
 * same key share one ledger read, and a failed read is forgotten at once.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const at = this.now();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.expires > at) return hit.value;
    this.#entries.delete(key);
    const value = load();
    this.#entries.set(key, { expires: at + this.ttlMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    this.#evict();
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(): void {
    // Map keeps insertion order: the first keys are the oldest
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
