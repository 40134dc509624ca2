import { type ChaincodeError } from './errors';
import { containsNulCharacter, refuseNulCharacters } from './nul-characters';

describe('refuseNulCharacters', () => {
  it('accepts ordinary request data', () => {
    expect(() =>
      refuseNulCharacters({ a: ['张三', 1, null, { b: '\\u0000 as text' }] }, 'request'),
    ).not.toThrow();
  });

  it.each([['x\u0000'], [{ a: [{ b: 'y\u0000z' }] }], [{ ['k\u0000']: 1 }]])(
    'refuses NUL in %j with VALIDATION_FAILED naming the field',
    (value) => {
      let error: ChaincodeError | undefined;
      try {
        refuseNulCharacters(value, 'request');
      } catch (caught) {
        error = caught as ChaincodeError;
      }
      expect(error?.code).toBe('VALIDATION_FAILED');
      expect(error?.details[0]?.field).toBe('request');
    },
  );
});

describe('containsNulCharacter', () => {
  it('finds NUL in values and keys at any depth', () => {
    expect(containsNulCharacter({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNulCharacter({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNulCharacter({ a: ['\\u0000', 1, null, { b: '张三' }] })).toBe(false);
  });
});
