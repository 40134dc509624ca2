import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type NextFunction, type Request, type Response } from 'express';

import { NotFoundError } from '../common/errors/api-error';
import { type EnvironmentVariables } from '../config/env.schema';
import { type Department, unservedRouteMessage } from './departments';

/**
 * Answers 404 for the routes of a department this gateway does not serve. A middleware, not a guard,
 * so it runs before authentication: the caller learns which gateway to ask, not that its token
 * (whose user this gateway never loaded) is unknown.
 */
@Injectable()
export class DepartmentRoutingMiddleware implements NestMiddleware {
  // read once: the setting is fixed for the process, and this runs on every request
  readonly #served: readonly Department[];

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    this.#served = config.get('GATEWAY_DEPARTMENTS', { infer: true });
  }

  use(req: Request, _res: Response, next: NextFunction): void {
    const message = unservedRouteMessage(req.originalUrl.split('?')[0] ?? '', this.#served);
    if (message !== undefined) throw new NotFoundError(message);
    next();
  }
}
