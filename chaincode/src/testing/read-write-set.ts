// The read-write set of one simulated transaction, kept per chaincode namespace as the peer's
// transaction simulator keeps it: a chaincode called through invokeChaincode runs in the same
// simulation, so its reads and writes land in the same set under its own namespace, and validation
// at commit checks every namespace the transaction touched against that namespace's committed state.

import { compareKeys, type KeyRange, type WorldState, type WriteMap, type WriteSet } from './world-state';

export type ValidationCode = 'VALID' | 'MVCC_READ_CONFLICT' | 'PHANTOM_READ_CONFLICT';

export interface RangeRead extends KeyRange {
  readonly consumed: [string, number][];
  exhausted: boolean;
}

/** What a transaction read and wrote in one chaincode's namespace (public state and its collections). */
export class NamespaceAccess {
  /** State namespace ('' or a collection) → key → version first read (undefined: absent). */
  readonly #reads = new Map<string, Map<string, number | undefined>>();
  readonly #rangeReads: RangeRead[] = [];
  readonly writes: WriteSet = { values: new Map(), validationParameters: new Map() };

  recordRead(namespace: string, key: string, version: number | undefined): void {
    let reads = this.#reads.get(namespace);
    if (reads === undefined) {
      reads = new Map();
      this.#reads.set(namespace, reads);
    }
    // The first read's version is what the peer would have recorded.
    if (!reads.has(key)) {
      reads.set(key, version);
    }
  }

  recordRangeRead(range: KeyRange): RangeRead {
    const read: RangeRead = { ...range, consumed: [], exhausted: false };
    this.#rangeReads.push(read);
    return read;
  }

  write(namespace: string, key: string, value: Buffer | null): void {
    writeEntry(this.writes.values, namespace, key, value);
  }

  writeValidationParameter(namespace: string, key: string, parameter: Buffer): void {
    writeEntry(this.writes.validationParameters, namespace, key, parameter);
  }

  /** MVCC and phantom checks of this namespace's reads against its committed state now. */
  validate(state: WorldState): ValidationCode {
    for (const [namespace, reads] of this.#reads) {
      for (const [key, version] of reads) {
        if (state.get(namespace, key)?.version !== version) {
          return 'MVCC_READ_CONFLICT';
        }
      }
    }
    return this.#rangeReads.every((read) => rangeUnchanged(state, read)) ? 'VALID' : 'PHANTOM_READ_CONFLICT';
  }
}

/** The whole transaction's read-write set: one NamespaceAccess per chaincode it touched. */
export class ReadWriteSet {
  readonly #namespaces = new Map<string, NamespaceAccess>();

  of(chaincodeName: string): NamespaceAccess {
    let access = this.#namespaces.get(chaincodeName);
    if (access === undefined) {
      access = new NamespaceAccess();
      this.#namespaces.set(chaincodeName, access);
    }
    return access;
  }

  /** Every namespace touched, by chaincode name in key order (deterministic). */
  entries(): [string, NamespaceAccess][] {
    return [...this.#namespaces].sort(([left], [right]) => compareKeys(left, right));
  }

  validate(stateOf: (chaincodeName: string) => WorldState): ValidationCode {
    for (const [chaincodeName, access] of this.entries()) {
      const code = access.validate(stateOf(chaincodeName));
      if (code !== 'VALID') return code;
    }
    return 'VALID';
  }
}

// Like the peer, re-run the range up to where the chaincode stopped reading.
function rangeUnchanged(state: WorldState, read: RangeRead): boolean {
  const lastConsumed = read.consumed[read.consumed.length - 1];
  if (!read.exhausted && lastConsumed === undefined) {
    return true;
  }
  const again = read.exhausted
    ? state.range(read)
    : state.range({ ...read, endKey: lastConsumed?.[0] ?? read.endKey, endInclusive: true });
  return (
    again.length === read.consumed.length &&
    again.every(([key, value], index) => {
      const seen = read.consumed[index];
      return seen !== undefined && seen[0] === key && seen[1] === value.version;
    })
  );
}

function writeEntry(writes: WriteMap, namespace: string, key: string, value: Buffer | null): void {
  let entries = writes.get(namespace);
  if (entries === undefined) {
    entries = new Map();
    writes.set(namespace, entries);
  }
  entries.set(key, value);
}
