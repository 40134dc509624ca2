import { type ApiErrorOptions, UnavailableError } from './api-error';

/**
 * 503 for a write whose transaction reached the ordering service (or may have) but whose commit
 * was not confirmed: it may still commit, so "nothing was written" cannot be promised. Rendered
 * exactly like any other 503; the class tells the idempotency interceptor to keep the request's
 * record with the txId, so a retry with the same Idempotency-Key can look the transaction up
 * instead of writing a second time.
 */
export class OutcomeUnknownError extends UnavailableError {
  override readonly txId: string;

  constructor(message: string, options: ApiErrorOptions & { readonly txId: string }) {
    super(message, options);
    this.txId = options.txId;
  }
}
