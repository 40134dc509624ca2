import { HttpException, HttpStatus } from '@nestjs/common';

import {
  API_ERROR_STATUS,
  ApiError,
  type ApiErrorCode,
  type ErrorDetail,
  type HttpStatusName,
} from './api-error';

/** What the client reads in place of anything unexpected: internals stay in the log. */
export const INTERNAL_MESSAGE = 'An unexpected error occurred';

const CODE_BY_STATUS = new Map<number, ApiErrorCode>(
  Object.entries(API_ERROR_STATUS).map(([code, status]) => [status, code as ApiErrorCode]),
);

/**
 * Turns anything thrown while serving a request into the ApiError the client will see.
 * Only 4xx errors and 503 keep their message; every other 5xx is a bug (API.md) and becomes INTERNAL.
 */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) {
    return isBug(exception.getStatus()) ? internal(exception) : exception;
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  if (isExposedHttpError(exception)) {
    // express middleware (body-parser, serve-static) reports client errors as http-errors objects
    return new ApiError(codeForStatus(exception.status), exception.status, exception.message, {
      cause: exception,
    });
  }
  return internal(exception);
}

/** True when the error means the gateway is broken, not the request or the network. */
export function isBug(status: number): boolean {
  return status >= 500 && status !== 503;
}

function internal(cause: unknown): ApiError {
  return new ApiError('INTERNAL', 500, INTERNAL_MESSAGE, { cause });
}

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus();
  if (isBug(status)) return internal(exception);
  const { message, details } = describeResponse(exception.getResponse(), exception.message);
  return new ApiError(codeForStatus(status), status, message, { details, cause: exception });
}

/** Nest's own exceptions answer `{ statusCode, message: string | string[], error }` or a bare string. */
function describeResponse(
  response: string | object,
  fallback: string,
): { message: string; details: ErrorDetail[] } {
  if (typeof response === 'string') return { message: response, details: [] };
  const message: unknown = 'message' in response ? response.message : undefined;
  if (typeof message === 'string') return { message, details: [] };
  if (Array.isArray(message) && message.every((m): m is string => typeof m === 'string')) {
    return { message: fallback, details: message.map((m) => ({ message: m })) };
  }
  return { message: fallback, details: [] };
}

function codeForStatus(status: number): ApiErrorCode | HttpStatusName {
  const known = CODE_BY_STATUS.get(status);
  if (known) return known;
  // HttpStatus is a numeric enum, so indexing it by number yields the name, e.g. 405 → METHOD_NOT_ALLOWED
  const name: unknown = (HttpStatus as unknown as Record<number, unknown>)[status];
  return typeof name === 'string'
    ? (name as HttpStatusName)
    : status < 500
      ? 'VALIDATION_FAILED'
      : 'INTERNAL';
}

interface ExposedHttpError {
  readonly status: number;
  readonly message: string;
}

/** The http-errors convention: `expose` is true only when the message is safe to show a client. */
function isExposedHttpError(value: unknown): value is ExposedHttpError {
  if (!(value instanceof Error)) return false;
  const { status, expose } = value as Error & { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}
