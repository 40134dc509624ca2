// Deterministic JSON for everything this chaincode writes to the ledger (state, private data, events).
// Every endorsing peer must produce byte-identical write sets, or the transaction fails endorsement
// policy checks; JSON.stringify depends on property insertion order, so it is never used directly.
//
// Rules (compatible with RFC 8785 for the values we accept):
// - object keys sorted by UTF-16 code units, recursively; strings and numbers formatted as
//   JSON.stringify does (ECMAScript number formatting, -0 becomes 0);
// - an object property whose value is undefined is omitted (optional fields), but undefined at the
//   top level or inside an array is rejected instead of silently becoming null;
// - rejected: NaN/Infinity, functions, symbols, bigint, cycles, symbol keys, and objects that are
//   not plain records (Date, Map, Set, typed arrays, boxed primitives, objects with toJSON), because
//   JSON.stringify would turn them into something other than what the caller meant.
// No Unicode normalisation is applied: identifiers are normalised by their validators beforehand.

/** Thrown when a value cannot be written as canonical JSON. This is a programming error, not bad input. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`canonical JSON: ${reason} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

const encoder = new TextEncoder();

/** Serialises a JSON-compatible value deterministically. */
export function toCanonicalJson(value: unknown): string {
  if (value === undefined) {
    throw new CanonicalJsonError('$', 'undefined is not JSON');
  }
  return serialise(value, '$', new Set<object>());
}

/** The UTF-8 bytes of {@link toCanonicalJson}: what putState, putPrivateData and setEvent receive. */
export function toCanonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(toCanonicalJson(value));
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        throw new CanonicalJsonError(path, `${String(value)} is not a finite number`);
      }
      return JSON.stringify(value);
    case 'object':
      if (value === null) {
        return 'null';
      }
      return serialiseContainer(value, path, ancestors);
    case 'undefined':
      throw new CanonicalJsonError(path, 'undefined is not JSON');
    default:
      // function, symbol, bigint
      throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
  }
}

function serialiseContainer(value: object, path: string, ancestors: Set<object>): string {
  // Only the current ancestry is tracked: a shared (DAG) reference is fine, a cycle is not.
  if (ancestors.has(value)) {
    throw new CanonicalJsonError(path, 'cyclic reference');
  }
  ancestors.add(value);
  try {
    return Array.isArray(value)
      ? serialiseArray(value as readonly unknown[], path, ancestors)
      : serialiseRecord(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serialiseArray(items: readonly unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  // Index loop rather than map(): map skips holes, and a hole must be rejected like undefined.
  for (let index = 0; index < items.length; index += 1) {
    parts.push(serialise(items[index], `${path}[${index}]`, ancestors));
  }
  return `[${parts.join(',')}]`;
}

function serialiseRecord(record: object, path: string, ancestors: Set<object>): string {
  assertPlainRecord(record, path);
  const entries = record as Readonly<Record<string, unknown>>;
  const parts: string[] = [];
  // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
  for (const key of Object.keys(entries).sort()) {
    const child = entries[key];
    if (child !== undefined) {
      parts.push(`${JSON.stringify(key)}:${serialise(child, `${path}.${key}`, ancestors)}`);
    }
  }
  return `{${parts.join(',')}}`;
}

function assertPlainRecord(record: object, path: string): void {
  const tag = Object.prototype.toString.call(record);
  if (tag !== '[object Object]') {
    throw new CanonicalJsonError(path, `${tag} is not a plain object`);
  }
  if (typeof (record as { toJSON?: unknown }).toJSON === 'function') {
    throw new CanonicalJsonError(path, 'objects with toJSON() are not accepted; convert them explicitly');
  }
  if (
    Object.getOwnPropertySymbols(record).some((symbol) =>
      Object.prototype.propertyIsEnumerable.call(record, symbol),
    )
  ) {
    throw new CanonicalJsonError(path, 'symbol keys are not JSON');
  }
}
