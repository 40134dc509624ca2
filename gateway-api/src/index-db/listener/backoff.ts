export interface BackoffOptions {
  /** Delay before the first retry. */
  readonly initialDelayMs: number;
  /** Ceiling of the doubling delay. */
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure (n ≥ 1) waits between half
 * and all of min(max, initial·2^(n−1)). The jitter keeps several gateways that lost the same peer
 * from reconnecting in lockstep.
 */
export function backoffDelay(
  failures: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
