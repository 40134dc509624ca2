import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  CommitError,
  CommitStatusError,
  EndorseError,
  GatewayError,
  StatusCode,
} from '@hyperledger/fabric-gateway';

import {
  ApiError,
  ConflictError,
  type ErrorDetail,
  ForbiddenError,
  INTERNAL_MESSAGE,
  NotFoundError,
  OutcomeUnknownError,
  RuleViolationError,
  UnavailableError,
  ValidationFailedError,
} from '../common/errors';
import { type ChaincodeErrorCode, type ChaincodeErrorPayload, findChaincodeError } from './chaincode-error';

/*
 * The one place Fabric failures become API errors (API.md, "Errors"). Decided by error class and
 * codes, never by message text, except for the chaincode's JSON error object, which is the wire
 * format chaincode and gateway agree on, and the peer's "chaincode response" prefix that tells a
 * chaincode that ran and failed apart from one that could not be reached.
 *
 *   chaincode error object, any stage      → its code: 400 / 403 / 404 / 409 / 422 / 503, its message and details
 *   CommitError MVCC / PHANTOM read conflict → 409 CONFLICT (after the retries)
 *   CommitError DUPLICATE_TXID              → 409 CONFLICT
 *   CommitError any other validation code   → 503 UNAVAILABLE naming the code
 *   gRPC PERMISSION_DENIED                  → 403 FORBIDDEN (the network refused the identity)
 *   gRPC INVALID_ARGUMENT / UNIMPLEMENTED   → 500 INTERNAL (the gateway sent something wrong: a bug)
 *   gRPC UNKNOWN / ABORTED from a chaincode that ran but failed without a code → 500 INTERNAL (a bug)
 *   every other gRPC status (UNAVAILABLE, DEADLINE_EXCEEDED, FAILED_PRECONDITION "no peers", …) → 503
 *     at the submit or commit-status stage: OutcomeUnknownError (still 503), since the orderer may
 *     have the transaction and it may yet commit
 *   anything else                           → 500 INTERNAL with a generic message
 *
 * `txId` is set whenever a transaction was attempted (endorse, submit, commit), never for queries.
 */

export type FabricStage = 'query' | 'endorse' | 'submit' | 'commit-status' | 'commit';

const VALIDATION_CODE_NAMES = new Map<number, string>(
  Object.entries(StatusCode).map(([name, code]) => [code, name]),
);

/** Fabric's name of a transaction validation code (peer.TxValidationCode), e.g. 11 → MVCC_READ_CONFLICT. */
export function validationCodeName(code: number): string {
  return VALIDATION_CODE_NAMES.get(code) ?? `UNKNOWN_VALIDATION_CODE_${code}`;
}

/** Validation codes that mean "someone else changed what this read": a new transaction may succeed. */
export const READ_CONFLICT_CODES: ReadonlySet<number> = new Set([
  StatusCode.MVCC_READ_CONFLICT,
  StatusCode.PHANTOM_READ_CONFLICT,
]);

const GRPC_STATUS_NAMES = new Map<number, string>(
  Object.entries(GrpcStatus)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, code]) => [code, name]),
);

const CHAINCODE_ERRORS: Record<
  ChaincodeErrorCode,
  new (message: string, options: ConstructorParameters<typeof ApiError>[3]) => ApiError
> = {
  VALIDATION_FAILED: ValidationFailedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  RULE_VIOLATION: RuleViolationError,
  // data the ledger holds but the peer has not received yet (private data): asking again can succeed
  UNAVAILABLE: UnavailableError,
};

const UNAVAILABLE_MESSAGES: Record<Exclude<FabricStage, 'commit'>, string> = {
  query: 'The network cannot answer right now',
  endorse: 'The network could not endorse the transaction right now; nothing was written',
  submit: 'The transaction could not be handed to the ordering service; look it up by txId before retrying',
  'commit-status':
    'The transaction was submitted but its commit could not be confirmed in time; look it up by txId before retrying',
};

/**
 * Maps anything a fabric-gateway call threw to the ApiError the client sees.
 * @param txId the id of the transaction being attempted, when the error itself does not carry one
 */
export function mapFabricError(error: unknown, txId?: string): ApiError {
  if (error instanceof ApiError) return error;
  const attempted = transactionIdOf(error) ?? txId;
  if (error instanceof CommitError) return fromCommitError(error, attempted);
  if (error instanceof GatewayError) return fromGatewayError(error, attempted);
  return internal(error, attempted);
}

/** Where in the transaction flow a GatewayError was raised. */
export function stageOf(error: GatewayError): Exclude<FabricStage, 'commit'> {
  if (error instanceof EndorseError) return 'endorse';
  if (error instanceof CommitStatusError) return 'commit-status';
  // fabric-gateway exports SubmitError as a type only, so its class cannot be named at run time
  if (error.name === 'SubmitError') return 'submit';
  return 'query';
}

function fromCommitError(error: CommitError, txId: string | undefined): ApiError {
  const validationCode = validationCodeName(error.code);
  const options = {
    txId,
    cause: error,
    details: [{ message: `committed with validation code ${validationCode}`, validationCode }],
  };
  if (READ_CONFLICT_CODES.has(error.code)) {
    return new ConflictError('A concurrent change to the same records committed first; try again', options);
  }
  if (error.code === StatusCode.DUPLICATE_TXID) {
    return new ConflictError('The transaction had already been committed', options);
  }
  return new UnavailableError(`The network did not commit the transaction (${validationCode})`, options);
}

function fromGatewayError(error: GatewayError, txId: string | undefined): ApiError {
  const stage = stageOf(error);
  // a query's id names no transaction anyone can look up, so it is not reported
  const reportedTxId = stage === 'query' ? undefined : txId;
  const messages = [error.message, ...error.details.map((detail) => detail.message)];
  const payload = firstChaincodeError(messages);
  if (payload !== undefined) return fromChaincodeError(payload, reportedTxId, error);

  const options = { txId: reportedTxId, cause: error, details: describe(error, stage) };
  switch (error.code as GrpcStatus) {
    case GrpcStatus.PERMISSION_DENIED:
      return new ForbiddenError('The network refused the identity this request acts as', options);
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.UNIMPLEMENTED:
      return internal(error, reportedTxId);
    case GrpcStatus.UNKNOWN:
    case GrpcStatus.ABORTED:
      return messages.some((m) => /chaincode response \d{3}/.test(m))
        ? internal(error, reportedTxId)
        : unavailable(stage, options);
    default:
      return unavailable(stage, options);
  }
}

/**
 * After endorsement, a failure without a definite answer (a deadline, a lost connection, an orderer
 * that answered something other than "accepted") leaves the transaction possibly ordered: it may
 * still commit. Counting every such failure as unknown is the safe side: a wrong "unknown" only
 * makes a retry wait for the ledger look-up; a wrong "not written" could make it write twice.
 */
function unavailable(
  stage: Exclude<FabricStage, 'commit'>,
  options: { txId: string | undefined; cause: unknown; details: ErrorDetail[] },
): ApiError {
  const { txId } = options;
  if ((stage === 'submit' || stage === 'commit-status') && txId !== undefined) {
    return new OutcomeUnknownError(UNAVAILABLE_MESSAGES[stage], { ...options, txId });
  }
  return new UnavailableError(UNAVAILABLE_MESSAGES[stage], options);
}

function fromChaincodeError(
  payload: ChaincodeErrorPayload,
  txId: string | undefined,
  cause: unknown,
): ApiError {
  const details: ErrorDetail[] = payload.details.map((d) =>
    d.field === undefined ? { message: d.message } : { field: d.field, message: d.message },
  );
  return new CHAINCODE_ERRORS[payload.code](payload.message, { details, txId, cause });
}

function firstChaincodeError(messages: readonly string[]): ChaincodeErrorPayload | undefined {
  for (const message of messages) {
    const payload = findChaincodeError(message);
    if (payload !== undefined) return payload;
  }
  return undefined;
}

/** What a client may learn: the stage, the gRPC status and which organisations' nodes failed. */
function describe(error: GatewayError, stage: FabricStage): ErrorDetail[] {
  const grpcStatus = GRPC_STATUS_NAMES.get(error.code) ?? String(error.code);
  const organisations = [...new Set(error.details.map((d) => d.mspId).filter((id) => id !== ''))].sort();
  return [
    { message: `${stage} failed with gRPC status ${grpcStatus}`, stage, grpcStatus },
    ...organisations.map((mspId) => ({ message: `a node of ${mspId} reported an error`, mspId })),
  ];
}

function internal(cause: unknown, txId: string | undefined): ApiError {
  return new ApiError('INTERNAL', 500, INTERNAL_MESSAGE, { cause, txId });
}

function transactionIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('transactionId' in error)) return undefined;
  const transactionId: unknown = error.transactionId;
  return typeof transactionId === 'string' && transactionId !== '' ? transactionId : undefined;
}
