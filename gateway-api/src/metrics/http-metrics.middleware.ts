import { Injectable, type NestMiddleware } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

import { MetricsService } from './metrics.service';

/** The label for requests no route matched (404s, probes of random paths): one series, not one per path. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Counts and times every HTTP request when its answer is sent. The route label is the matched
 * pattern (`/api/v1/smoke/values/:key`), which express records on the request while routing; a
 * raw path would put a key or a barcode into the label and grow a series per value.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    // Nest mounts this middleware as an express route of its own ('/{*path}'): a request that
    // still carries that route when it finishes matched no controller route
    const mountedOn: unknown = req.route;
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observeHttpRequest(
        { method: req.method, route: routePattern(req, mountedOn), status: res.statusCode },
        seconds,
      );
    });
    next();
  }
}

/** The route pattern a request matched, or UNMATCHED_ROUTE (also when it only matched `notARoute`). */
export function routePattern(req: Request, notARoute?: unknown): string {
  const route: unknown = req.route;
  if (route === undefined || route === notARoute) return UNMATCHED_ROUTE;
  const pattern = typeof route === 'object' && route !== null && 'path' in route ? route.path : undefined;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : UNMATCHED_ROUTE;
}
