import { ValidationFailedError } from '../common/errors';
import { parseIdempotencyKey } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it.each(['a', '0d1f6a7e-3b1c-4a8e-9f2d-5c6b7a8e9f01', 'order:2026-11-24.001_retry-2', 'k'.repeat(128)])(
    'accepts %s',
    (key) => {
      expect(parseIdempotencyKey(key)).toBe(key);
    },
  );

  it.each([
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['a space', 'a b'],
    ['two keys joined by Node', 'a, b'],
    ['a slash', 'a/b'],
    ['a non-ASCII letter', 'schlüssel'],
    ['a newline', 'a\nb'],
  ])('refuses %s with VALIDATION_FAILED naming the header', (_case, key) => {
    let caught: unknown;
    try {
      parseIdempotencyKey(key);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationFailedError);
    expect((caught as ValidationFailedError).getStatus()).toBe(400);
    expect((caught as ValidationFailedError).details).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', constraint: 'idempotencyKey' }),
    ]);
  });

  it('refuses a header given as a list', () => {
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow(ValidationFailedError);
  });
});
