// Shape checks for records read back from the ledger. Only this contract writes these keys, so a
// record that fails here means a bug or a foreign write: reported as an internal error, never as the
// caller's VALIDATION_FAILED.

import { isObject } from './personal-data';

export function storedObject(
  raw: unknown,
  what: string,
  stringFields: readonly string[],
): Record<string, unknown> {
  if (!isObject(raw)) {
    throw new Error(`stored ${what} is not an object`);
  }
  const missing = stringFields.filter((field) => typeof raw[field] !== 'string');
  if (missing.length > 0) {
    throw new Error(`stored ${what} lacks text fields ${missing.join(', ')}`);
  }
  return raw;
}
