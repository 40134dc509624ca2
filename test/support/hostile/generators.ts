import fc from 'fast-check';

// fast-check arbitraries for hostile input: values of the wrong type or absurd size, strings of every
// Unicode plane, prototype-pollution keys, and bodies built from a valid one by one hostile change.

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e-320, 0.1 + 0.2, -0),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '../../etc/passwd',
    '%00',
    '粤',
    'NaN',
  ),
  fc.constantFrom('x'.repeat(10_000), '粤'.repeat(5_000), '0'.repeat(10_000)),
  fc.integer(),
  fc.double(),
);

/** A body as raw JSON text: the given object with `key` first, so `__proto__` stays an own key. */
export function withKey(body: Record<string, unknown>, key: string, value: unknown): string {
  const rest = JSON.stringify(body).slice(1);
  return `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}${rest === '}' ? '' : ','}${rest}`;
}

/** JSON text of `valid` after one hostile change (or a wholly random JSON body). */
export function hostileBody(valid: () => Record<string, unknown>): fc.Arbitrary<string> {
  // a body without fields (a retirement) still gets a field: an unknown one, which must be refused
  const fieldOf = (body: Record<string, unknown>) => {
    const keys = Object.keys(body);
    return fc.constantFrom(...(keys.length > 0 ? keys : ['unexpected']));
  };
  return fc.oneof(
    // the whole body: any JSON, including scalars and arrays
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
    // one field replaced by a hostile value
    fc.constant(null).chain(() => {
      const body = valid();
      return fc
        .tuple(fieldOf(body), hostileValue)
        .map(([field, value]) => JSON.stringify({ ...body, [field]: value }));
    }),
    // one field missing
    fc.constant(null).chain(() => {
      const body = valid();
      return fieldOf(body).map((field) => {
        const copy: Record<string, unknown> = { ...body };
        delete copy[field];
        return JSON.stringify(copy);
      });
    }),
    // an extra field: a prototype key or any name
    fc
      .tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 20 })), hostileValue)
      .map(([key, value]) => withKey(valid(), key, value)),
    // nested pollution attempts
    fc.constantFrom(
      '{"__proto__":{"role":"registry_clerk","isAdmin":true}}',
      '{"constructor":{"prototype":{"role":"registry_clerk"}}}',
    ),
    // not JSON at all
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

/** Path segments: very long (within Node's 16 KB request head), Unicode, dot segments, encoded slashes and NULs, broken escapes. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '..%2F..%2Fhealth',
    '%2F',
    '%5C',
    '%00',
    'a%00b',
    '%',
    '%zz',
    '%E0%A4%A',
    '%C0%AE%C0%AE',
    '%F0%9F%92%A9',
    '%FF%FE',
    'x'.repeat(10_000),
    encodeURIComponent('粤'.repeat(1_000)),
    '__proto__',
    'constructor',
    '%20',
    '~',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }).map((s) => s.replace(/[#?/]/g, '_')),
);

/** Header values fetch can send (printable Latin-1): odd tokens, schemes, content types, keys. */
const latin1 = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((n) => String.fromCharCode(n)),
  maxLength: 60,
});

export function hostileAuthorization(validToken: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from('registry-clerk:x').toString('base64')}`,
      `bearer ${validToken}`,
      `Bearer  ${validToken}`,
      `Bearer ${validToken} extra`,
      `Bearer ${validToken}x`,
      `Bearer ${validToken.slice(0, -1)}`,
      `Bearer ${'a'.repeat(6_000)}`,
      `Token ${validToken}`,
      `Bearer gt_${'é'.repeat(40)}`,
    ),
    latin1.map((value) => `Bearer ${value}`),
    latin1,
  );
}

export const hostileContentType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'application/xml',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=nonsense',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json, text/plain',
    'application/merge-patch+json',
    '*/*',
    'application/json; charset=utf-8',
  ),
  latin1,
);

export const hostileIdempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', ' ', 'a'.repeat(129), 'a b', '../x', '*', 'ü', 'key\u00ff', '%00'),
  latin1,
);
