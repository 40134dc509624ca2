// Typed chaincode errors with a stable code the gateway maps to HTTP.
//
// fabric-contract-api returns only `error.message` to the peer (as the 500 response message), so the
// code must travel inside the message. The message is therefore canonical JSON:
//   {"code":"NOT_FOUND","details":[{"field":"key","message":"..."}],"message":"..."}
// The peer and the gateway prepend their own text (e.g. "chaincode response 500, "), so
// parseChaincodeErrorMessage finds the object wherever it sits in the text it is given.
//
// This file depends only on canonical-json.ts (no Fabric imports) so the gateway can reuse it.

import { toCanonicalJson } from './canonical-json';

export const ErrorCodes = {
  ValidationFailed: 'VALIDATION_FAILED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RuleViolation: 'RULE_VIOLATION',
  Unavailable: 'UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** One reason behind an error; `field` names the offending input when there is one. */
export interface ErrorDetail {
  readonly field?: string;
  readonly message: string;
}

/** The decoded wire form of a {@link ChaincodeError}. */
export interface ChaincodeErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: readonly ErrorDetail[];
}

const errorCodeValues: ReadonlySet<string> = new Set<string>(Object.values(ErrorCodes));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && errorCodeValues.has(value);
}

/** Formats the wire message; `ChaincodeError.message` is exactly this string. */
export function formatChaincodeErrorMessage(payload: ChaincodeErrorPayload): string {
  return toCanonicalJson({
    code: payload.code,
    details: payload.details.map((detail) =>
      detail.field === undefined
        ? { message: detail.message }
        : { field: detail.field, message: detail.message },
    ),
    message: payload.message,
  });
}

/**
 * Base class of every error the chaincode throws on purpose. `message` is the JSON wire form;
 * `reason` is the human-readable text inside it.
 */
export abstract class ChaincodeError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly details: readonly ErrorDetail[];

  protected constructor(code: ErrorCode, reason: string, details: readonly ErrorDetail[] = []) {
    super(formatChaincodeErrorMessage({ code, message: reason, details }));
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  toPayload(): ChaincodeErrorPayload {
    return { code: this.code, message: this.reason, details: this.details };
  }
}

/** Input is malformed: wrong format, out of range, missing field. */
export class ValidationError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.ValidationFailed, reason, details);
    this.name = 'ValidationError';
  }
}

/** The submitter's MSP or role may not perform this transaction. */
export class ForbiddenError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.Forbidden, reason, details);
    this.name = 'ForbiddenError';
  }
}

/** A record the transaction needs does not exist. */
export class NotFoundError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.NotFound, reason, details);
    this.name = 'NotFoundError';
  }
}

/** The record already exists, or a unique value is taken. */
export class ConflictError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.Conflict, reason, details);
    this.name = 'ConflictError';
  }
}

/** Well-formed input that a domain rule forbids (e.g. transferring a seized unit). */
export class RuleViolationError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.RuleViolation, reason, details);
    this.name = 'RuleViolationError';
  }
}

/**
 * The record exists on the ledger but data it needs has not reached this peer yet (private data
 * still being disseminated): asking again shortly can succeed, so it is neither 404 nor 422.
 */
export class UnavailableError extends ChaincodeError {
  constructor(reason: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCodes.Unavailable, reason, details);
    this.name = 'UnavailableError';
  }
}

/**
 * The ChaincodeError subclass of a decoded wire payload: how a chaincode rethrows, unchanged, the
 * error another chaincode answered it (common/cross-chaincode.ts).
 */
export function chaincodeErrorFromPayload(payload: ChaincodeErrorPayload): ChaincodeError {
  const make: Record<ErrorCode, new (reason: string, details: readonly ErrorDetail[]) => ChaincodeError> = {
    VALIDATION_FAILED: ValidationError,
    FORBIDDEN: ForbiddenError,
    NOT_FOUND: NotFoundError,
    CONFLICT: ConflictError,
    RULE_VIOLATION: RuleViolationError,
    UNAVAILABLE: UnavailableError,
  };
  return new make[payload.code](payload.message, payload.details);
}

const wireMarker = '{"code":';

/**
 * Finds and decodes a chaincode error in text returned by the peer or gateway (the message of an
 * endorsement error detail, for example). Returns undefined when the text carries no such object:
 * the failure then did not come from a ChaincodeError (a bug, or an error raised by Fabric itself).
 */
export function parseChaincodeErrorMessage(text: string): ChaincodeErrorPayload | undefined {
  for (let start = text.indexOf(wireMarker); start !== -1; start = text.indexOf(wireMarker, start + 1)) {
    const end = endOfJsonObject(text, start);
    if (end !== undefined) {
      const payload = decodePayload(text.slice(start, end));
      if (payload !== undefined) {
        return payload;
      }
    }
  }
  return undefined;
}

/** Index just past the `}` that closes the object opening at `start`, tracking strings and escapes. */
function endOfJsonObject(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') {
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) {
        return index + 1;
      }
    }
  }
  return undefined;
}

function decodePayload(json: string): ChaincodeErrorPayload | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(raw) || !isErrorCode(raw.code) || typeof raw.message !== 'string') {
    return undefined;
  }
  const details = decodeDetails(raw.details);
  return details === undefined ? undefined : { code: raw.code, message: raw.message, details };
}

function decodeDetails(raw: unknown): ErrorDetail[] | undefined {
  if (!Array.isArray(raw)) {
    return undefined;
  }
  const details: ErrorDetail[] = [];
  for (const item of raw as unknown[]) {
    if (!isObject(item) || typeof item.message !== 'string') {
      return undefined;
    }
    if (item.field === undefined) {
      details.push({ message: item.message });
    } else if (typeof item.field === 'string') {
      details.push({ field: item.field, message: item.message });
    } else {
      return undefined;
    }
  }
  return details;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
