import { Metadata, type ServiceError, status as GrpcStatus } from '@grpc/grpc-js';
import {
  CommitError,
  CommitStatusError,
  EndorseError,
  type ErrorDetail,
  GatewayError,
} from '@hyperledger/fabric-gateway';
// SubmitError is exported by fabric-gateway as a type only; the tests need the class itself
import { SubmitError } from '@hyperledger/fabric-gateway/dist/submiterror';

// Test-only: fabric-gateway's error classes as the library builds them from a failed gRPC call.

export const TX = 'c'.repeat(64);

export type GatewayErrorKind = 'query' | 'endorse' | 'submit' | 'commit-status';

export function node(message: string, mspId = 'RegistryMSP'): ErrorDetail {
  return { address: '127.0.0.1:7051', message, mspId };
}

export function gatewayError(
  kind: GatewayErrorKind,
  code: GrpcStatus,
  message: string,
  details: ErrorDetail[] = [],
): GatewayError {
  const text = `${code} ${GrpcStatus[code]}: ${message}`;
  const cause: ServiceError = Object.assign(new Error(text), {
    code,
    details: message,
    metadata: new Metadata(),
  });
  const properties = { code, details, cause, message: text, transactionId: TX };
  switch (kind) {
    case 'query':
      return new GatewayError(properties);
    case 'endorse':
      return new EndorseError(properties);
    case 'submit':
      return new SubmitError(properties);
    case 'commit-status':
      return new CommitStatusError(properties);
  }
}

export function commitError(code: number): CommitError {
  return new CommitError({
    code: code as CommitError['code'],
    transactionId: TX,
    message: `committed as ${code}`,
  });
}

export function chaincodeResponse(code: string, message: string, details: object[] = []): string {
  return `chaincode response 500, ${JSON.stringify({ code, details, message })}`;
}
