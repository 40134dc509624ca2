import { SkipThrottle } from '@nestjs/throttler';

/**
 * The two limits on routes anyone may call without a token, each counted per client address (the
 * socket's, or the forwarded one when the hop is a TRUSTED_PROXIES proxy):
 * - `public`: the citizens' routes (verification, the verify page, transaction look-up),
 *   VERIFY_RATE_LIMIT per VERIFY_RATE_WINDOW_MS;
 * - `operations`: /health* and /metrics, for probes and scrapers, a fixed, looser limit.
 * A public controller declares which one it counts against; routes with a token are not limited here.
 */
export const PublicThrottlers = { Public: 'public', Operations: 'operations' } as const;

/** Probes poll every second or two, scrapers every few seconds: 600 a minute leaves room for several. */
export const OPERATIONS_LIMIT = { limit: 600, ttlMs: 60_000 } as const;

/** A citizens' route: counted against `public` only. */
export const CitizensRateLimit = (): MethodDecorator & ClassDecorator =>
  SkipThrottle({ [PublicThrottlers.Operations]: true });

/** An operations route: counted against `operations` only. */
export const OperationsRateLimit = (): MethodDecorator & ClassDecorator =>
  SkipThrottle({ [PublicThrottlers.Public]: true });
