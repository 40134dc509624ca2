import { type RecordType } from '../../../../chaincode/src/contract';

/**
 * The public state key the chaincode's `recordKey` writes a record under: Fabric's composite key
 * `\u0000<recordType>\u0000<attribute>\u0000…` (fabric-shim's createCompositeKey, which needs a
 * transaction context the gateway does not have). The trust check looks for it in the write set.
 *
 * Attributes are refused as the chaincode refuses them (empty, or holding U+0000 or U+10FFFF): such
 * a key was never written, so a payload naming one is malformed, whatever its transaction wrote.
 */
export function ledgerKey(type: RecordType, ...attributes: [string, ...string[]]): string {
  for (const attribute of attributes) {
    if (attribute === '' || attribute.includes('\u0000') || attribute.includes('\u{10FFFF}')) {
      throw new InvalidKeyAttributeError(type, attribute);
    }
  }
  return `\u0000${type}\u0000${attributes.join('\u0000')}\u0000`;
}

/** A payload names a record the chaincode could not have keyed; thrown while reading the payload. */
export class InvalidKeyAttributeError extends Error {
  override readonly name = 'InvalidKeyAttributeError';
  constructor(type: RecordType, attribute: string) {
    super(`${type} key attribute ${JSON.stringify(attribute)} is empty or holds U+0000 or U+10FFFF`);
  }
}

/** A key as an operator can read it in a log line or a quarantine row: U+0000 shown as ␀ (U+2400). */
export function printableKey(key: string): string {
  return key.replaceAll('\u0000', '\u2400');
}
