// The committed side of the in-memory ledger: versioned values per namespace (public state, or one
// private data collection) and key-level validation parameters. Transactions read it during
// simulation and change it only through apply(), which the stub calls at commit.

/** Namespace of the public world state; any other namespace is a private data collection name. */
export const PUBLIC_STATE = '';

export interface VersionedValue {
  readonly value: Buffer;
  /** Commit sequence number of the last write; what MVCC validation compares. */
  readonly version: number;
}

/** Pending writes of one transaction: a Buffer sets the value, null deletes it. */
export type WriteMap = Map<string, Map<string, Buffer | null>>;

export interface WriteSet {
  readonly values: WriteMap;
  readonly validationParameters: WriteMap;
}

/** One committed write of a public key, as the peer's history database indexes it. */
export interface HistoryEntry {
  readonly txId: string;
  readonly timestamp: Date;
  /** The value written; empty for a delete. */
  readonly value: Buffer;
  readonly isDelete: boolean;
}

/** The transaction whose writes apply() commits: what the history of each written key records. */
export interface WriteOrigin {
  readonly txId: string;
  readonly timestamp: Date;
}

/** Orders keys by their UTF-8 bytes, as LevelDB (the peer's state database) does. */
export function compareKeys(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

export interface KeyRange {
  readonly namespace: string;
  readonly startKey: string;
  /** '' means unbounded. */
  readonly endKey: string;
  /** Include endKey itself (used to re-check a range that was read only up to some key). */
  readonly endInclusive?: boolean;
}

export class WorldState {
  readonly #values = new Map<string, Map<string, VersionedValue>>();
  readonly #validationParameters = new Map<string, Map<string, Buffer>>();
  // public keys only, oldest first: Fabric keeps no history of private data
  readonly #history = new Map<string, HistoryEntry[]>();
  #sequence = 0;

  get(namespace: string, key: string): VersionedValue | undefined {
    return this.#values.get(namespace)?.get(key);
  }

  validationParameter(namespace: string, key: string): Buffer | undefined {
    return this.#validationParameters.get(namespace)?.get(key);
  }

  /** Entries in [startKey, endKey) (or [startKey, endKey] when endInclusive), in key order. */
  range(range: KeyRange): [string, VersionedValue][] {
    const entries = [...(this.#values.get(range.namespace) ?? new Map<string, VersionedValue>())];
    return entries
      .filter(([key]) => compareKeys(key, range.startKey) >= 0 && isBeforeEnd(key, range))
      .sort(([left], [right]) => compareKeys(left, right));
  }

  keys(namespace: string): string[] {
    return [...(this.#values.get(namespace)?.keys() ?? [])].sort(compareKeys);
  }

  /**
   * Every committed value write (put or delete) of a public key, newest first as Fabric 2+ answers
   * getHistoryForKey. Like the peer's history database, a key-level policy change alone is no entry.
   */
  history(key: string): HistoryEntry[] {
    return [...(this.#history.get(key) ?? [])].reverse();
  }

  /** Commits a transaction's writes; with `origin`, its public value writes enter the history. */
  apply(writes: WriteSet, origin?: WriteOrigin): void {
    this.#sequence += 1;
    for (const [namespace, entries] of writes.values) {
      const target = mapFor(this.#values, namespace);
      for (const [key, value] of entries) {
        if (origin !== undefined && namespace === PUBLIC_STATE) this.#recordHistory(key, value, origin);
        if (value === null) {
          target.delete(key);
          // Fabric keeps metadata with the value: deleting the key drops its endorsement policy too.
          this.#validationParameters.get(namespace)?.delete(key);
        } else {
          target.set(key, { value, version: this.#sequence });
        }
      }
    }
    for (const [namespace, entries] of writes.validationParameters) {
      for (const [key, parameter] of entries) {
        // Metadata lives with the value: a key without a value keeps no policy, and changing the
        // policy gives the key a new version, as a value write would.
        const current = this.get(namespace, key);
        if (current !== undefined) {
          mapFor(this.#values, namespace).set(key, { value: current.value, version: this.#sequence });
        }
        if (parameter === null || current === undefined) {
          this.#validationParameters.get(namespace)?.delete(key);
        } else {
          mapFor(this.#validationParameters, namespace).set(key, parameter);
        }
      }
    }
  }

  #recordHistory(key: string, value: Buffer | null, origin: WriteOrigin): void {
    const entry: HistoryEntry = {
      txId: origin.txId,
      timestamp: new Date(origin.timestamp.getTime()),
      value: value === null ? Buffer.alloc(0) : Buffer.from(value),
      isDelete: value === null,
    };
    const entries = this.#history.get(key);
    if (entries === undefined) this.#history.set(key, [entry]);
    else entries.push(entry);
  }
}

function isBeforeEnd(key: string, range: KeyRange): boolean {
  if (range.endKey === '') {
    return true;
  }
  const order = compareKeys(key, range.endKey);
  return range.endInclusive === true ? order <= 0 : order < 0;
}

function mapFor<V>(maps: Map<string, Map<string, V>>, namespace: string): Map<string, V> {
  let map = maps.get(namespace);
  if (map === undefined) {
    map = new Map<string, V>();
    maps.set(namespace, map);
  }
  return map;
}
