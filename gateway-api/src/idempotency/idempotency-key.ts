import { ValidationFailedError } from '../common/errors';

/** The request header naming a write's idempotency key (header names are case-insensitive). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Set on an answer that is a replay of the first answer, not a new execution. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replay';

/** What a key may be: long enough for a UUID or a client's own scheme, safe to log and to store. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The key from a header value, or VALIDATION_FAILED. Node joins a repeated header with ", ", which
 * the pattern refuses, so a request cannot carry two keys.
 */
export function parseIdempotencyKey(value: string | string[]): string {
  if (typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value)) return value;
  throw new ValidationFailedError(`Invalid ${IDEMPOTENCY_KEY_HEADER} header`, {
    details: [
      {
        field: IDEMPOTENCY_KEY_HEADER,
        constraint: 'idempotencyKey',
        message: 'must be 1 to 128 characters from A-Z a-z 0-9 _ . : -',
      },
    ],
  });
}
