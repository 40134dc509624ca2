// Field readers for parsing stored records. Only this chaincode writes these keys, so a value that does
// not fit is a bug or corruption: reported as an internal Error, never as the caller's ValidationError.

export type StoredObject = Record<string, unknown>;

export function storedObject(raw: unknown, what: string): StoredObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`stored ${what} is invalid: not an object`);
  }
  return raw as StoredObject;
}

export function storedString(object: StoredObject, field: string, what: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`stored ${what} is invalid: ${field} is not a non-empty string`);
  }
  return value;
}

export function storedInteger(object: StoredObject, field: string, what: string): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new Error(`stored ${what} is invalid: ${field} is not an integer`);
  }
  return value;
}

export function storedOneOf<T extends string>(
  object: StoredObject,
  field: string,
  allowed: readonly T[],
  what: string,
): T {
  const value = storedString(object, field, what);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`stored ${what} is invalid: ${field} '${value}' is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}
