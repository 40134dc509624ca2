import { hasAtMostDecimals } from './is-decimal-amount';

describe('hasAtMostDecimals', () => {
  it.each([0, 1, 89.5, 1000000, 0.01, 12.34, -3.5])('accepts %p with 2 places', (value) => {
    expect(hasAtMostDecimals(value, 2)).toBe(true);
  });

  it.each([1e-7, 5e-324, -5e-324, 0.001, 0.1 + 0.2, NaN, Infinity, '1.5', null])(
    'refuses %p with 2 places, without throwing',
    (value) => {
      expect(hasAtMostDecimals(value, 2)).toBe(false);
    },
  );
});
