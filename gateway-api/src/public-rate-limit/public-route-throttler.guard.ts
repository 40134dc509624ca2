import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

import { IS_PUBLIC_KEY } from '../auth/auth.decorators';

/**
 * The global rate limit (APP_GUARD) of every @Public() route, so a new public route is limited
 * without anyone remembering to say so. Routes that need a token are skipped: their callers are
 * known staff, whose tokens can be revoked, and a clerk's burst of writes must not be refused by a
 * limit sized for anonymous clients. The tracker is Express's `req.ip`, which believes
 * X-Forwarded-For only from the proxies named in TRUSTED_PROXIES (app.setup.ts).
 */
@Injectable()
export class PublicRouteThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    return Promise.resolve(isPublic !== true);
  }

  /**
   * One count per client and limit across all the routes it covers (the library counts each route
   * apart): a client spreading its requests over the verification routes, the page and the look-up
   * has one budget, not one per route.
   */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  /**
   * A plain Retry-After (seconds) whichever limit was hit: the library names its header after the
   * throttler (Retry-After-public), which no HTTP client reads.
   */
  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', Math.max(1, Math.ceil(detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
