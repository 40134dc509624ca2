import { type RecordType } from '../../chaincode/src/contract';

// The state key of a record, as the contracts write it (chaincode/src/common/ledger.ts recordKey, which
// is fabric-shim's createCompositeKey): U+0000, the record type, U+0000, then each attribute followed
// by U+0000. A transaction built by hand must name exactly this key for a contract to find the record.

const SEPARATOR = '\u0000';

export function recordStateKey(type: RecordType, ...attributes: [string, ...string[]]): string {
  for (const part of [type, ...attributes]) {
    if (part.length === 0 || part.includes(SEPARATOR)) throw new Error(`not a key attribute: ${part}`);
  }
  return `${SEPARATOR}${type}${SEPARATOR}${attributes.map((a) => `${a}${SEPARATOR}`).join('')}`;
}
