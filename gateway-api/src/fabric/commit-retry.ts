/** First wait after a read conflict; doubled for each further attempt, up to the cap. */
export const RETRY_BASE_MS = 50;
export const RETRY_CAP_MS = 1000;

/**
 * How long to wait before attempt `attempt + 1` after `attempt` failed with a read conflict:
 * "equal jitter", half of an exponentially growing window plus a random half. Clients that
 * conflicted with each other spread out instead of colliding again on the same block, while the
 * wait still grows with every attempt.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const window = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(window / 2 + random() * (window / 2));
}
