import { status as GrpcStatus } from '@grpc/grpc-js';
import { StatusCode } from '@hyperledger/fabric-gateway';

import {
  chaincodeResponse,
  commitError,
  gatewayError,
  type GatewayErrorKind,
  node,
  TX,
} from '../../test/support/fabric-errors';
import { clearanceNotRecorded } from '../../../chaincode/src/contract';
import {
  ApiError,
  INTERNAL_MESSAGE,
  NotFoundError,
  OutcomeUnknownError,
  renderError,
  toApiError,
} from '../common/errors';
import { mapFabricError, stageOf, validationCodeName } from './fabric-errors';

const TRANSACTION_KINDS: GatewayErrorKind[] = ['endorse', 'submit', 'commit-status'];
const ALL_KINDS: GatewayErrorKind[] = ['query', ...TRANSACTION_KINDS];

/** What the client reads, after the global filter: status and body. */
function answer(
  error: unknown,
  txId?: string,
): { status: number; body: ReturnType<typeof renderError>['error'] } {
  const apiError = toApiError(mapFabricError(error, txId));
  return { status: apiError.getStatus(), body: renderError(apiError).error };
}

describe('mapFabricError', () => {
  describe('chaincode errors (the JSON object the chaincode puts in its message)', () => {
    it.each([
      ['VALIDATION_FAILED', 400],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['RULE_VIOLATION', 422],
      ['UNAVAILABLE', 503],
    ])('%s → %i with the chaincode message and details, from endorsement', (code, status) => {
      const message = chaincodeResponse(code, 'unit 440184 is seized', [
        { field: 'unitNumber', message: 'seized' },
      ]);
      const error = gatewayError(
        'endorse',
        GrpcStatus.ABORTED,
        'failed to endorse transaction, see attached details',
        [node(message)],
      );
      expect(answer(error)).toEqual({
        status,
        body: {
          code,
          message: 'unit 440184 is seized',
          details: [{ field: 'unitNumber', message: 'seized' }],
          txId: TX,
        },
      });
    });

    it('is found in an evaluate error message too, without a txId (a query is no transaction)', () => {
      const message = `evaluate call to endorser returned error: ${chaincodeResponse('NOT_FOUND', "smoke value 'k' not found")}`;
      const error = gatewayError('query', GrpcStatus.UNKNOWN, message, [
        node(chaincodeResponse('NOT_FOUND', 'x')),
      ]);
      expect(answer(error)).toEqual({
        status: 404,
        body: { code: 'NOT_FOUND', message: "smoke value 'k' not found", details: [] },
      });
    });

    it("answers a TRANSFER's clearance read of a clearance never recorded with 422 in the chaincode's words", () => {
      // the chaincode's own error, as the clerk's peer returns it when the gateway prepares the TRANSFER
      const refusal = clearanceNotRecorded('440184001016GB00009F00800039', 'QS-2026-000123');
      const error = gatewayError(
        'query',
        GrpcStatus.UNKNOWN,
        `evaluate call to endorser returned error: chaincode response 500, ${refusal.message}`,
      );
      const { status, body } = answer(error);
      expect(status).toBe(422);
      expect(body).toEqual({
        code: 'RULE_VIOLATION',
        message:
          'No deed-tax clearance with receipt number QS-2026-000123 is recorded for unit ' +
          '440184001016GB00009F00800039; the tax bureau must record it before the transfer',
        details: [{ field: 'deedTaxClearanceNumber', message: expect.any(String) as unknown }],
      });
      expect(JSON.stringify(body)).not.toMatch(/peer/i);
    });

    it('takes the first coded answer when endorsing peers disagree', () => {
      const error = gatewayError('endorse', GrpcStatus.ABORTED, 'failed to endorse', [
        node('chaincode response 500, TypeError: boom', 'TaxMSP'),
        node(chaincodeResponse('CONFLICT', 'certificate number taken'), 'RegistryMSP'),
        node(chaincodeResponse('NOT_FOUND', 'no unit'), 'MarketMSP'),
      ]);
      expect(answer(error).body).toMatchObject({ code: 'CONFLICT', message: 'certificate number taken' });
    });

    it('ignores a JSON object with an unknown code', () => {
      const error = gatewayError('endorse', GrpcStatus.ABORTED, 'failed', [
        node(chaincodeResponse('TEAPOT', 'short and stout')),
      ]);
      expect(answer(error).status).toBe(500);
    });
  });

  describe('gRPC failures of the gateway calls', () => {
    const unavailable: [string, GrpcStatus][] = [
      ['UNAVAILABLE', GrpcStatus.UNAVAILABLE],
      ['DEADLINE_EXCEEDED', GrpcStatus.DEADLINE_EXCEEDED],
      ['FAILED_PRECONDITION (no peers can endorse)', GrpcStatus.FAILED_PRECONDITION],
      ['RESOURCE_EXHAUSTED', GrpcStatus.RESOURCE_EXHAUSTED],
      ['CANCELLED', GrpcStatus.CANCELLED],
      ['NOT_FOUND (e.g. unknown channel)', GrpcStatus.NOT_FOUND],
      ['INTERNAL (a transport error)', GrpcStatus.INTERNAL],
      ['UNAUTHENTICATED (TLS to the peer)', GrpcStatus.UNAUTHENTICATED],
      ['ABORTED without a chaincode response (chaincode unreachable)', GrpcStatus.ABORTED],
      ['UNKNOWN without a chaincode response', GrpcStatus.UNKNOWN],
    ];
    const cases = ALL_KINDS.flatMap((kind) =>
      unavailable.map(([label, code]) => [kind, label, code] as const),
    );

    it.each(cases)('%s with %s → 503 UNAVAILABLE', (kind, _label, code) => {
      const error = gatewayError(kind, code, 'connection refused 10.0.0.7:7051', [
        node('could not reach 10.0.0.7:7051 (secret internals)', 'TaxMSP'),
      ]);
      const { status, body } = answer(error);
      expect(status).toBe(503);
      expect(body.code).toBe('UNAVAILABLE');
      expect(body.txId).toBe(kind === 'query' ? undefined : TX);
      expect(body.details).toEqual([
        {
          message: `${kind} failed with gRPC status ${GrpcStatus[code]}`,
          stage: kind,
          grpcStatus: GrpcStatus[code],
        },
        { message: 'a node of TaxMSP reported an error', mspId: 'TaxMSP' },
      ]);
      // neither peer addresses nor the nodes' own messages reach the client
      expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.7|secret/);
    });

    it.each(cases)(
      '%s with %s: outcome unknown only after endorsement, with the txId',
      (kind, _label, code) => {
        const mapped = mapFabricError(gatewayError(kind, code, 'deadline'));
        const unknown = kind === 'submit' || kind === 'commit-status';
        expect(mapped instanceof OutcomeUnknownError).toBe(unknown);
        if (mapped instanceof OutcomeUnknownError) expect(mapped.txId).toBe(TX);
      },
    );

    it('a chaincode error or a refused identity at submit is a definite answer, not an unknown outcome', () => {
      const refused = mapFabricError(gatewayError('submit', GrpcStatus.PERMISSION_DENIED, 'denied'));
      expect(refused).not.toBeInstanceOf(OutcomeUnknownError);
      const commitFailed = mapFabricError(commitError(StatusCode.ENDORSEMENT_POLICY_FAILURE));
      expect(commitFailed).not.toBeInstanceOf(OutcomeUnknownError);
    });

    it('says that a transaction whose commit was not confirmed may still have committed', () => {
      const error = gatewayError('commit-status', GrpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded');
      expect(answer(error).body.message).toMatch(/submitted .* look it up by txId/);
    });

    it.each(ALL_KINDS)('%s with PERMISSION_DENIED → 403 FORBIDDEN', (kind) => {
      const error = gatewayError(kind, GrpcStatus.PERMISSION_DENIED, 'access denied');
      expect(answer(error)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    });

    it.each(
      ALL_KINDS.flatMap(
        (kind) =>
          [
            [kind, 'INVALID_ARGUMENT', GrpcStatus.INVALID_ARGUMENT, 'bad proposal'],
            [kind, 'UNIMPLEMENTED', GrpcStatus.UNIMPLEMENTED, 'unknown method'],
            [
              kind,
              'UNKNOWN from a chaincode that failed without a code',
              GrpcStatus.UNKNOWN,
              'chaincode response 500, TypeError: x is undefined',
            ],
            [
              kind,
              'ABORTED from a chaincode that failed without a code',
              GrpcStatus.ABORTED,
              'chaincode response 500, Expected 2 parameters',
            ],
          ] as const,
      ),
    )('%s with %s → 500 INTERNAL, nothing of it shown', (kind, _label, code, text) => {
      const error = gatewayError(kind, code, 'failed', [node(text)]);
      expect(answer(error)).toEqual({
        status: 500,
        body: { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [] },
      });
      // the mapped error keeps the txId and the cause for the log line
      const mapped = mapFabricError(error);
      expect(mapped.txId).toBe(kind === 'query' ? undefined : TX);
      expect(mapped.cause).toBe(error);
    });
  });

  describe('commit failures (CommitError: the transaction is in a block, invalidated)', () => {
    it.each([
      [StatusCode.MVCC_READ_CONFLICT, 'MVCC_READ_CONFLICT'],
      [StatusCode.PHANTOM_READ_CONFLICT, 'PHANTOM_READ_CONFLICT'],
    ])('%i %s (after the retries) → 409 CONFLICT', (code, name) => {
      expect(answer(commitError(code))).toEqual({
        status: 409,
        body: {
          code: 'CONFLICT',
          message: 'A concurrent change to the same records committed first; try again',
          details: [{ message: `committed with validation code ${name}`, validationCode: name }],
          txId: TX,
        },
      });
    });

    it('DUPLICATE_TXID → 409 CONFLICT', () => {
      expect(answer(commitError(StatusCode.DUPLICATE_TXID))).toMatchObject({
        status: 409,
        body: { code: 'CONFLICT', txId: TX },
      });
    });

    const others = Object.entries(StatusCode).filter(
      ([name]) => !['VALID', 'MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT', 'DUPLICATE_TXID'].includes(name),
    );

    it.each(others)('%s → 503 UNAVAILABLE naming the validation code', (name, code) => {
      const { status, body } = answer(commitError(code));
      expect(status).toBe(503);
      expect(body).toMatchObject({
        code: 'UNAVAILABLE',
        message: `The network did not commit the transaction (${name})`,
        details: [{ validationCode: name }],
        txId: TX,
      });
    });
  });

  describe('everything else', () => {
    it('passes an ApiError through unchanged', () => {
      const error = new NotFoundError('no such unit');
      expect(mapFabricError(error, TX)).toBe(error);
    });

    it.each<[string, unknown]>([
      ['a plain error', new Error('ENOENT: /etc/govtrace/keys/registry-clerk.pem')],
      ['a thrown string', 'oops'],
      ['undefined', undefined],
    ])('hides %s behind 500 INTERNAL, keeping the txId attempted for the log', (_label, thrown) => {
      const mapped = mapFabricError(thrown, TX);
      expect(mapped).toBeInstanceOf(ApiError);
      expect(mapped).toMatchObject({ code: 'INTERNAL', txId: TX, message: INTERNAL_MESSAGE });
      expect(answer(thrown, TX).body).toEqual({ code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [] });
    });

    it('uses the txId passed in when the error carries none', () => {
      const error = gatewayError('query', GrpcStatus.UNAVAILABLE, 'down');
      expect(mapFabricError(error, 'a'.repeat(64)).txId).toBeUndefined(); // a query never reports one
      expect(mapFabricError(commitError(StatusCode.BAD_PAYLOAD), 'a'.repeat(64)).txId).toBe(TX);
    });
  });
});

describe('stageOf', () => {
  it.each(ALL_KINDS)('knows a %s error by its class', (kind) => {
    expect(stageOf(gatewayError(kind, GrpcStatus.UNAVAILABLE, 'x'))).toBe(kind);
  });
});

describe('validationCodeName', () => {
  it('names every Fabric validation code and marks unknown ones', () => {
    expect(validationCodeName(StatusCode.VALID)).toBe('VALID');
    expect(validationCodeName(StatusCode.ENDORSEMENT_POLICY_FAILURE)).toBe('ENDORSEMENT_POLICY_FAILURE');
    expect(validationCodeName(999)).toBe('UNKNOWN_VALIDATION_CODE_999');
  });
});
