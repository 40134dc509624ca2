import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('exceedsJsonDepth', () => {
  it('accepts scalars and bodies up to the limit', () => {
    expect(exceedsJsonDepth('x')).toBe(false);
    expect(exceedsJsonDepth(null)).toBe(false);
    expect(exceedsJsonDepth({ scans: [{ barcode: '1' }] })).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
  });

  it('refuses one level more, and 100 000 levels without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth(nested(100_000))).toBe(true);
  });
});
