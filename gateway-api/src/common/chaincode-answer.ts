import { Logger } from '@nestjs/common';

import { ApiError, INTERNAL_MESSAGE } from './errors';

// Every contract answers canonical JSON objects (chaincode/src/common/canonical-json.ts). An answer
// that is not one means the gateway and the chaincode disagree about a format: a bug, logged for the
// operator and answered as the generic 500, never passed on half-read.

const logger = new Logger('ChaincodeAnswer');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type JsonObject = Record<string, unknown>;

/**
 * The answer of `what` (e.g. "realestate GetUnit") as a JSON object. Only its size is logged, never
 * its content: private reads carry names and ID numbers.
 */
export function chaincodeAnswerObject(bytes: Uint8Array, what: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(bytes));
  } catch {
    throw unexpectedAnswer(what, `not UTF-8 JSON (${bytes.length} bytes)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw unexpectedAnswer(what, `not a JSON object (${bytes.length} bytes)`);
  }
  return parsed as JsonObject;
}

/** The generic 500 for an answer the gateway cannot read, logged with what was wrong. */
export function unexpectedAnswer(what: string, problem: string): ApiError {
  logger.error(`${what} answered an unexpected result: ${problem}`);
  return new ApiError('INTERNAL', 500, INTERNAL_MESSAGE);
}
