import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialDelayMs: 100, maxDelayMs: 1000 };

  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000],
    [50, 1000],
  ])('after %i failures waits at most %i ms and at least half of it', (failures, ceiling) => {
    expect(backoffDelay(failures, options, () => 0.999999)).toBe(ceiling);
    expect(backoffDelay(failures, options, () => 0)).toBe(ceiling / 2);
  });
});
