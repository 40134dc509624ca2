import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops whitespace', () => {
    expect(canonicalJson(JSON.parse('{ "b": 1, "a": { "z": [3, {"y": 2, "x": 1}], "m": null } }'))).toBe(
      '{"a":{"m":null,"z":[3,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units, as the chaincode does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, 名: 4 })).toBe('{"Z":3,"z":2,"é":1,"名":4}');
  });

  it('writes scalars as JSON.stringify does', () => {
    expect(canonicalJson(['字', 1.5, -0, true, false, null, 'a"b'])).toBe(
      '["字",1.5,0,true,false,null,"a\\"b"]',
    );
  });

  it('keeps array order: it is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('refuses what JSON.parse never produces', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});
