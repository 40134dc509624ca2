import { Logger } from '@nestjs/common';

import {
  type AnsweredContract,
  type AnsweredTransaction,
  answerProblem,
  Answers,
  type AnswerShape,
  type Fields,
  type TransactionAnswer,
  type ValueOfFields,
} from '../../../chaincode/src/contract';
import { ApiError, INTERNAL_MESSAGE } from './errors';

// Every contract answers canonical JSON objects (chaincode/src/common/canonical-json.ts) of the shape
// its transaction declares (chaincode/src/common/answers.ts). An answer that is not one means the
// gateway and the chaincode disagree about a format: a bug, logged for the operator and answered as
// the generic 500, never passed on half-read. Only sizes and field paths are logged, never content:
// private reads carry names and ID numbers.

const logger = new Logger('ChaincodeAnswer');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type JsonObject = Record<string, unknown>;

/**
 * The answer of `transaction` of `contract`, checked against the shape the contract declares for it:
 * the one way the gateway reads a chaincode answer. Fields the shape does not list are kept as sent.
 */
export function chaincodeAnswer<C extends AnsweredContract, T extends AnsweredTransaction<C>>(
  bytes: Uint8Array,
  contract: C,
  transaction: T,
): TransactionAnswer<C, T> {
  // Answers[contract][transaction] is the shape TransactionAnswer<C, T> is derived from
  const shape = (Answers[contract] as Readonly<Record<string, AnswerShape>>)[transaction];
  if (shape === undefined)
    throw unexpectedAnswer(`${contract} ${transaction}`, 'no answer shape is declared');
  return checkedAnswer(bytes, shape, `${contract} ${transaction}`) as TransactionAnswer<C, T>;
}

/** `bytes` as an answer of `shape`; `what` (e.g. "realestate GetUnit") names it in the log. */
export function decodeAnswer<F extends Fields>(
  bytes: Uint8Array,
  shape: AnswerShape<F>,
  what: string,
): ValueOfFields<F> {
  return checkedAnswer(bytes, shape, what) as ValueOfFields<F>;
}

function checkedAnswer(bytes: Uint8Array, shape: AnswerShape, what: string): JsonObject {
  const answer = chaincodeAnswerObject(bytes, what);
  const problem = answerProblem(answer, shape);
  if (problem !== undefined) throw unexpectedAnswer(what, `${problem} (${bytes.length} bytes)`);
  return answer;
}

/** The answer of `what` as a JSON object, not yet checked against a shape. */
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
