import { HttpException, type HttpStatus } from '@nestjs/common';

/**
 * The error codes of the public API (shared/API.md, "Errors"), with their HTTP status.
 * INTERNAL is never thrown on purpose: the exception filter uses it for anything unexpected.
 */
export const API_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RULE_VIOLATION: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** A status outside the table (405, 415, 429 …) is reported under its standard name. */
export type HttpStatusName = keyof typeof HttpStatus;

/** One entry of `error.details`: what went wrong where. Extra keys carry context (e.g. `check`). */
export interface ErrorDetail {
  readonly message: string;
  /** Dotted path into the request, e.g. `holders.0.idNumber`. */
  readonly field?: string;
  /** The rule that failed, e.g. `isString` or `whitelistValidation`. */
  readonly constraint?: string;
  readonly [key: string]: string | number | boolean | undefined;
}

export interface ApiErrorOptions {
  readonly details?: readonly ErrorDetail[];
  /** Set when a Fabric transaction was attempted, so the client can look it up. */
  readonly txId?: string;
  readonly cause?: unknown;
}

/**
 * An error the API reports to its client as it is. It extends HttpException so that Nest answers
 * with the right status even where the global filter is not installed (e.g. a bare test module).
 */
export class ApiError extends HttpException {
  readonly details: readonly ErrorDetail[];
  readonly txId: string | undefined;

  constructor(
    readonly code: ApiErrorCode | HttpStatusName,
    status: number,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, status, { cause: options.cause });
    this.details = options.details ?? [];
    this.txId = options.txId;
  }
}

/** Builds a subclass bound to one code, so callers write `new NotFoundError('no unit 123')`. */
function errorClass(code: Exclude<ApiErrorCode, 'INTERNAL'>) {
  return class extends ApiError {
    constructor(message: string, options: ApiErrorOptions = {}) {
      super(code, API_ERROR_STATUS[code], message, options);
    }
  };
}

export class ValidationFailedError extends errorClass('VALIDATION_FAILED') {}
export class UnauthenticatedError extends errorClass('UNAUTHENTICATED') {}
export class ForbiddenError extends errorClass('FORBIDDEN') {}
export class NotFoundError extends errorClass('NOT_FOUND') {}
export class ConflictError extends errorClass('CONFLICT') {}
export class PayloadTooLargeError extends errorClass('PAYLOAD_TOO_LARGE') {}
export class RuleViolationError extends errorClass('RULE_VIOLATION') {}
export class UnavailableError extends errorClass('UNAVAILABLE') {}
