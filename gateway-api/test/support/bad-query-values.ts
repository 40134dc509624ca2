// Query values a list endpoint must refuse with 400 VALIDATION_FAILED naming the parameter: the
// shapes that once reached the database as OFFSET 1e+30 (a 500), or were silently coerced.

/** `[what, value]` for a whole-number parameter whose largest accepted value is `max`. */
export function badIntegerValues(max: number): [string, string][] {
  return [
    ['huge in exponent form', '1e30'],
    ['beyond 2^64', '99999999999999999999'],
    ['one past the largest', String(max + 1)],
    ['fractional', '2.5'],
    ['negative', '-1'],
    ['zero', '0'],
    ['non-numeric', 'abc'],
    ['hexadecimal', '0x10'],
    ['empty', ''],
  ];
}

/** The error body of the API (API.md "Errors"), as far as these tests read it. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly details: readonly { readonly field?: string }[] };
}

/** The fields `details` names, without repeats (one parameter may break several constraints). */
export function fieldsNamed(body: unknown): string[] {
  const details = (body as Partial<ErrorBody>).error?.details ?? [];
  return [...new Set(details.map((detail) => detail.field ?? ''))];
}
