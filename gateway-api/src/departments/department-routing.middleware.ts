import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type NextFunction, type Request, type Response } from 'express';

import { NotFoundError } from '../common/errors/api-error';
import { type EnvironmentVariables } from '../config/env.schema';
import { unservedRouteMessage } from './departments';

/**
 * Answers 404 for the routes of a department this gateway does not serve. A middleware, not a guard,
 * so it runs before authentication: the caller learns which gateway to ask, not that its token
 * (whose user this gateway never loaded) is unknown.
 */
@Injectable()
export class DepartmentRoutingMiddleware implements NestMiddleware {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    const served = this.config.get('GATEWAY_DEPARTMENTS', { infer: true });
    const message = unservedRouteMessage(req.originalUrl.split('?')[0] ?? '', served);
    if (message !== undefined) throw new NotFoundError(message);
    next();
  }
}
