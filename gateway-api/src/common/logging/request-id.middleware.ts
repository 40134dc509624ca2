import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

import { requestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only if it is short and plain, so it cannot forge or flood log lines. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const logger = new Logger('HTTP');

/**
 * Gives each request an id (the caller's X-Request-Id or a new UUID), echoes it in the answer,
 * runs the rest of the request inside that context and writes one access-log line when it ends.
 * It is plain express middleware, installed before the body parser, so even a body the parser
 * refuses is logged under its request id.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const offered = req.get(REQUEST_ID_HEADER);
  const requestId = offered !== undefined && ACCEPTED_ID.test(offered) ? offered : randomUUID();
  const started = process.hrtime.bigint();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const store = { requestId };
  res.on('finish', () => {
    // 'finish' fires from the socket's callbacks, outside the request's async context
    // the query string is left out: it may carry personal data (?holderIdNumber=…)
    const path = req.originalUrl.split('?', 1)[0] ?? '';
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requestContext.run(store, () => logger.log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`));
  });
  requestContext.run(store, next);
}
