/**
 * Deterministic JSON of a parsed request body: object keys sorted (by UTF-16 code units, as the
 * chaincode's canonical JSON and RFC 8785 sort them), no whitespace. Two bodies that differ only in
 * key order or formatting therefore fingerprint alike. Only what JSON.parse produces is accepted.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON: ${typeof value} is not JSON`);
}
