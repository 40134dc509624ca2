import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { concatMap, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';

import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../auth/principal';
import { ConflictError, renderError, toApiError, UnavailableError } from '../common/errors';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, parseIdempotencyKey } from './idempotency-key';
import { type Claim, type ClaimTicket, type IdempotentRequest, IdempotencyStore } from './idempotency.store';
import { fingerprintRequest } from './request-fingerprint';

/**
 * `Idempotency-Key` on POST requests: a retried request gets the first answer instead of writing
 * twice (DESIGN.md, "Gateway and index"). Without the header, or on other methods, it does nothing.
 *
 * First use of a key records it IN_PROGRESS, runs the handler and stores the answer before sending
 * it, so a retry that follows an answer always finds it. 2xx and 4xx answers are kept and replayed
 * with `Idempotent-Replay: true`; after a 5xx (including 503) the record is deleted, since nothing was
 * written and the client should simply retry. Keys are scoped by user (the request principal), and
 * the same key with a different method, path or body is refused with 409, as is a repeat while the
 * first request is still running. Runs after guards, so the principal is known.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request & RequestWithPrincipal>();
    const header = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (req.method !== 'POST' || header === undefined) return next.handle();

    const request: IdempotentRequest = {
      user: req[PRINCIPAL_KEY]?.user ?? '',
      key: parseIdempotencyKey(header),
      fingerprint: fingerprintRequest({
        method: req.method,
        url: req.originalUrl,
        body: req.body as unknown,
      }),
    };
    const claim = await this.claim(request);
    const res = http.getResponse<Response>();
    switch (claim.kind) {
      case 'replay':
        res.status(claim.status);
        res.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
        return of(claim.body);
      case 'mismatch':
        throw new ConflictError(`${IDEMPOTENCY_KEY_HEADER} reused with a different request`);
      case 'in-progress':
        throw new ConflictError(`request with this ${IDEMPOTENCY_KEY_HEADER} is still in progress`);
      case 'acquired':
        return this.execute(claim.ticket, next, res);
    }
  }

  private async claim(request: IdempotentRequest): Promise<Claim> {
    try {
      return await this.store.claim(request);
    } catch (error) {
      // the gateway's own database is down: not a bug in the request, and retrying later may work
      throw new UnavailableError('Idempotency records are unavailable; retry later', { cause: error });
    }
  }

  private execute(ticket: ClaimTicket, next: CallHandler, res: Response): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.settleFailure(ticket, error)).pipe(mergeMap(() => throwError(() => error))),
      ),
      concatMap(async (body: unknown) => {
        await this.settle(ticket, res.statusCode, body === undefined ? null : JSON.stringify(body));
        return body;
      }),
    );
  }

  private settleFailure(ticket: ClaimTicket, error: unknown): Promise<void> {
    // the body the exception filter is about to send, so a replay is byte-for-byte the same answer
    const apiError = toApiError(error);
    return this.settle(ticket, apiError.getStatus(), JSON.stringify(renderError(apiError)));
  }

  /**
   * Keeps a 2xx or 4xx answer, forgets anything else. A failure here is logged, not thrown: the write
   * has happened and its answer must reach the client; the record stays IN_PROGRESS until it expires.
   */
  private async settle(ticket: ClaimTicket, status: number, body: string | null): Promise<void> {
    const keep = (status >= 200 && status < 300) || (status >= 400 && status < 500);
    try {
      if (!keep) {
        await this.store.release(ticket);
      } else if (!(await this.store.complete(ticket, status, body ?? null))) {
        this.logger.warn(`Idempotency record ${ticket.key} expired before its request finished`);
      }
    } catch (error) {
      this.logger.error(`Could not settle idempotency record ${ticket.key}: ${String(error)}`);
    }
  }
}
