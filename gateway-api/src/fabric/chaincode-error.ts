/**
 * The chaincode's coded errors as they reach the gateway. fabric-contract-api passes only an error's
 * message to the peer, so the chaincode writes canonical JSON there (chaincode/README.md, "Error
 * format"), and the peer and gateway wrap it in their own text:
 *
 *   chaincode response 500, {"code":"NOT_FOUND","details":[{"field":"key","message":"…"}],"message":"…"}
 *
 * The writer and this reader are one module (chaincode/src/common/errors.ts, pure TypeScript): the
 * gateway's build spans chaincode/src, so the format and the code list cannot drift apart.
 */
import {
  type ChaincodeErrorPayload,
  type ErrorCode,
  type ErrorDetail,
  parseChaincodeErrorMessage,
} from '../../../chaincode/src/contract';

export type ChaincodeErrorCode = ErrorCode;
export type ChaincodeErrorDetail = ErrorDetail;
export type { ChaincodeErrorPayload };

/** The first well-formed chaincode error object inside `text`, or undefined. */
export const findChaincodeError: (text: string) => ChaincodeErrorPayload | undefined =
  parseChaincodeErrorMessage;
