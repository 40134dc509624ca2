import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { concatMap, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';

import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../auth/principal';
import {
  ConflictError,
  OutcomeUnknownError,
  renderError,
  toApiError,
  UnavailableError,
} from '../common/errors';
import { withCommittedSubmit } from '../ledger/committed-submit';
import {
  LEDGER_TRANSACTION_READER,
  type LedgerTransaction,
  type LedgerTransactionReader,
} from '../ledger/ledger-transactions.port';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, parseIdempotencyKey } from './idempotency-key';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { type Claim, type ClaimTicket, type IdempotentRequest, IdempotencyStore } from './idempotency.store';
import { fingerprintRequest } from './request-fingerprint';
import { judgeUnknownOutcome, PENDING_RETRY_AFTER_SECONDS } from './unknown-outcome';

type UnknownOutcomeClaim = Extract<Claim, { kind: 'unknown-outcome' }>;
import { withoutOneTimeFields } from './one-time-fields';

/**
 * `Idempotency-Key` on POST requests: a retried request gets the first answer instead of writing
 * twice (DESIGN.md, "Gateway and index"). Without the header, or on other methods, it does nothing.
 *
 * First use of a key records it IN_PROGRESS, runs the handler and stores the answer before sending
 * it, so a retry that follows an answer always finds it. 2xx and 4xx answers are kept and replayed
 * with `Idempotent-Replay: true`; after a 5xx (including 503) the record is deleted, since nothing was
 * written and the client should simply retry. The exception is a 503 whose transaction may still
 * commit (OutcomeUnknownError): the record is kept UNKNOWN_OUTCOME with the txId, and a retry looks
 * the transaction up on the ledger first (unknown-outcome.ts): committed VALID → the handler runs
 * again with its submit answered from the ledger, so the client gets the answer the first attempt
 * would have given; committed invalid, or lost → the request runs afresh; not there yet → 503 with
 * Retry-After. Keys are scoped by user (the request principal), and
 * the same key with a different method, path or body is refused with 409, as is a repeat while the
 * first request is still running. Runs after guards, so the principal is known.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly leaseMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(LEDGER_TRANSACTION_READER) private readonly transactions: LedgerTransactionReader,
    @Inject(IDEMPOTENCY_OPTIONS) options: IdempotencyOptions,
  ) {
    this.leaseMs = (options.leaseSeconds ?? options.ttlSeconds) * 1000;
    this.now = options.now ?? ((): Date => new Date());
  }

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
      case 'unknown-outcome':
        return this.resolve(claim, next, res);
    }
  }

  /** A retry of a request whose transaction was never confirmed: the ledger decides what happens. */
  private async resolve(
    claim: UnknownOutcomeClaim,
    next: CallHandler,
    res: Response,
  ): Promise<Observable<unknown>> {
    const transaction = await this.lookUp(claim.txId, res);
    const verdict = judgeUnknownOutcome({
      transaction,
      since: claim.since,
      now: this.now(),
      leaseMs: this.leaseMs,
    });
    switch (verdict.kind) {
      case 'committed':
        return this.rebuild(claim.ticket, verdict.transaction, next, res);
      case 'pending':
        res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
        throw new OutcomeUnknownError(
          'The first attempt was submitted but is not on the ledger yet; retry with the same Idempotency-Key later',
          { txId: claim.txId },
        );
      case 'rerun': {
        const ticket = await this.unavailableOnFailure(() => this.store.restart(claim.ticket));
        if (ticket === undefined) {
          throw new ConflictError(`request with this ${IDEMPOTENCY_KEY_HEADER} is still in progress`);
        }
        this.logger.warn(
          `Idempotency record ${claim.ticket.key}: tx ${claim.txId} ${verdict.reason}; running afresh`,
        );
        return this.execute(ticket, next, res);
      }
    }
  }

  private async lookUp(txId: string, res: Response): Promise<LedgerTransaction | undefined> {
    try {
      return await this.transactions.find(txId);
    } catch (error) {
      // "could not ask" must never read as "not there": that could make the request write twice
      res.setHeader('Retry-After', String(PENDING_RETRY_AFTER_SECONDS));
      throw new OutcomeUnknownError(
        'The outcome of the first attempt cannot be looked up right now; retry with the same Idempotency-Key later',
        { txId, cause: error },
      );
    }
  }

  /**
   * The first attempt committed: run the handler again with its submit answered by that transaction
   * (ReplayingLedgerClient), so the answer is built by the same code from the chaincode's own return
   * value and the block it committed in. Nothing is written. If the answer cannot be built, the
   * record stays UNKNOWN_OUTCOME and the client may retry.
   */
  private rebuild(
    ticket: ClaimTicket,
    transaction: LedgerTransaction,
    next: CallHandler,
    res: Response,
  ): Observable<unknown> {
    const committed = {
      txId: transaction.txId,
      blockNumber: transaction.blockNumber,
      result: transaction.responsePayload ?? new Uint8Array(),
    };
    return withCommittedSubmit(committed, () => next.handle()).pipe(
      catchError((error: unknown) => {
        this.logger.error(`Could not rebuild the answer of tx ${transaction.txId}: ${String(error)}`);
        res.setHeader('Retry-After', String(PENDING_RETRY_AFTER_SECONDS));
        return throwError(
          () =>
            new OutcomeUnknownError(
              'The first attempt committed but its answer cannot be rebuilt right now; retry later',
              { txId: transaction.txId, cause: error },
            ),
        );
      }),
      concatMap(async (body: unknown) => {
        // kept like any first answer: one-time fields never stored (the service leaves them out of a
        // replayed submit's answer anyway, since they were made up for this attempt)
        const kept = body === undefined ? null : JSON.stringify(withoutOneTimeFields(body));
        await this.settle(ticket, res.statusCode, kept);
        res.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
        return body;
      }),
    );
  }

  private async unavailableOnFailure<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new UnavailableError('Idempotency records are unavailable; retry later', { cause: error });
    }
  }

  private claim(request: IdempotentRequest): Promise<Claim> {
    // the gateway's own database is down: not a bug in the request, and retrying later may work
    return this.unavailableOnFailure(() => this.store.claim(request));
  }

  private execute(ticket: ClaimTicket, next: CallHandler, res: Response): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.settleFailure(ticket, error, res)).pipe(mergeMap(() => throwError(() => error))),
      ),
      concatMap(async (body: unknown) => {
        const kept = body === undefined ? null : JSON.stringify(withoutOneTimeFields(body));
        await this.settle(ticket, res.statusCode, kept);
        return body;
      }),
    );
  }

  private settleFailure(ticket: ClaimTicket, error: unknown, res: Response): Promise<void> {
    if (error instanceof OutcomeUnknownError) {
      res.setHeader('Retry-After', String(PENDING_RETRY_AFTER_SECONDS));
      return this.keepUnknownOutcome(ticket, error.txId);
    }
    // the body the exception filter is about to send, so a replay is byte-for-byte the same answer
    const apiError = toApiError(error);
    return this.settle(ticket, apiError.getStatus(), JSON.stringify(renderError(apiError)));
  }

  /** Like settle: a failure is logged; the record then stays IN_PROGRESS, blocking the key until the lease ends. */
  private async keepUnknownOutcome(ticket: ClaimTicket, txId: string): Promise<void> {
    try {
      if (!(await this.store.markUnknownOutcome(ticket, txId))) {
        this.logger.warn(`Idempotency record ${ticket.key} expired before its request finished`);
      }
    } catch (error) {
      this.logger.error(`Could not keep idempotency record ${ticket.key} (tx ${txId}): ${String(error)}`);
    }
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
