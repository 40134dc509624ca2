import { RETRY_CAP_MS, retryDelayMs } from './commit-retry';

describe('retryDelayMs', () => {
  it.each([
    [1, 25, 50],
    [2, 50, 100],
    [3, 100, 200],
    [10, RETRY_CAP_MS / 2, RETRY_CAP_MS],
  ])('waits between half and all of the window after attempt %i (%i–%i ms)', (attempt, low, high) => {
    expect(retryDelayMs(attempt, () => 0)).toBe(low);
    expect(retryDelayMs(attempt, () => 1)).toBe(high);
    const delay = retryDelayMs(attempt);
    expect(delay).toBeGreaterThanOrEqual(low);
    expect(delay).toBeLessThanOrEqual(high);
  });
});
