import { CanonicalJsonError, toCanonicalBytes, toCanonicalJson } from './canonical-json';

describe('toCanonicalJson', () => {
  it('sorts keys regardless of insertion order', () => {
    expect(toCanonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(toCanonicalJson({ c: 3, a: 2, b: 1 })).toBe(toCanonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it('sorts nested objects, including objects inside arrays, and keeps array order', () => {
    const value = { z: { y: [{ b: 2, a: 1 }, 3, 'x'], x: null }, a: [3, 1, 2] };
    expect(toCanonicalJson(value)).toBe('{"a":[3,1,2],"z":{"x":null,"y":[{"a":1,"b":2},3,"x"]}}');
  });

  it('sorts by UTF-16 code units as RFC 8785 does (upper case before lower, digits first)', () => {
    expect(toCanonicalJson({ b: 0, B: 0, '1': 0, é: 0, a: 0 })).toBe('{"1":0,"B":0,"a":0,"b":0,"é":0}');
    // U+1F600 (surrogates D83D DE00) sorts before U+FF21 by code units, though after it by code point.
    expect(toCanonicalJson({ Ａ: 1, '😀': 2 })).toBe('{"😀":2,"Ａ":1}');
  });

  it('formats primitives like JSON.stringify', () => {
    expect(toCanonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(toCanonicalJson(true)).toBe('true');
    expect(toCanonicalJson(null)).toBe('null');
    expect(toCanonicalJson(1.5e-7)).toBe('1.5e-7');
    expect(toCanonicalJson(1e21)).toBe('1e+21');
    expect(toCanonicalJson(-0)).toBe('0');
    expect(toCanonicalJson([])).toBe('[]');
    expect(toCanonicalJson({})).toBe('{}');
  });

  it('keeps non-ASCII text as UTF-8 and escapes lone surrogates', () => {
    expect(toCanonicalJson({ name: '张*三', district: '广州市' })).toBe(
      '{"district":"广州市","name":"张*三"}',
    );
    expect(toCanonicalJson('\ud800')).toBe('"\\ud800"');
    expect(Buffer.from(toCanonicalBytes({ v: '粤' })).toString('hex')).toBe(
      Buffer.from('{"v":"粤"}', 'utf8').toString('hex'),
    );
  });

  it('omits undefined object properties so optional fields leave no trace', () => {
    expect(toCanonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('serialises class instances by their own enumerable fields', () => {
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
      get sum(): number {
        return this.x + this.y;
      }
    }
    expect(toCanonicalJson(new Point(2, 1))).toBe('{"x":1,"y":2}');
  });

  it('accepts shared references that are not cycles', () => {
    const shared = { id: 1 };
    expect(toCanonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"id":1},"b":[{"id":1}]}');
  });

  it('returns Uint8Array bytes', () => {
    const bytes = toCanonicalBytes({ b: 1, a: 2 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('{"a":2,"b":1}');
  });

  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push({ inner: cyclicArray });
  // eslint-disable-next-line no-sparse-arrays
  const sparse = [1, , 3];

  it.each<[string, unknown, string]>([
    ['undefined at top level', undefined, '$'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a hole in an array', sparse, '$[1]'],
    ['NaN', { n: NaN }, '$.n'],
    ['Infinity', [Infinity], '$[0]'],
    ['-Infinity', -Infinity, '$'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a symbol value', { s: Symbol('s') }, '$.s'],
    ['a bigint', { big: 10n }, '$.big'],
    ['a cycle through an object', cyclic, '$.self'],
    ['a cycle through an array', cyclicArray, '$[0].inner'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a Map', new Map([['a', 1]]), '$'],
    ['a Set', { s: new Set([1]) }, '$.s'],
    ['a typed array', { bytes: new Uint8Array([1]) }, '$.bytes'],
    ['a boxed string', { s: new String('x') }, '$.s'],
    ['an object with toJSON', { v: { toJSON: () => 'x' } }, '$.v'],
    ['a symbol key', { [Symbol('k')]: 1 }, '$'],
  ])('rejects %s', (_name, value, path) => {
    expect(() => toCanonicalJson(value)).toThrow(CanonicalJsonError);
    try {
      toCanonicalJson(value);
    } catch (error) {
      expect((error as CanonicalJsonError).path).toBe(path);
    }
  });
});
