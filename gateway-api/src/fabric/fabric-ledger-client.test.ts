import { status as GrpcStatus } from '@grpc/grpc-js';
import { type Network, StatusCode } from '@hyperledger/fabric-gateway';
import { Logger } from '@nestjs/common';

import { chaincodeResponse, gatewayError, node } from '../../test/support/fabric-errors';
import { type ApiError } from '../common/errors';
import { type LedgerCall } from '../ledger/ledger-client.port';
import { MetricsService } from '../metrics/metrics.service';
import { FabricLedgerClient } from './fabric-ledger-client';
import { type FabricSettings } from './fabric.settings';
import { type GatewayPool } from './gateway-pool';

type Outcome = { commit: number } | { endorseError: Error };

const txId = (n: number): string => n.toString(16).padStart(64, '0');

/** A network whose contract runs the scripted outcomes, one proposal after another. */
function fakeNetwork(outcomes: Outcome[], seen: { args: unknown[]; contract?: string }) {
  let proposals = 0;
  const network = {
    getName: () => 'govtrace',
    getContract: (_chaincode: string, contract?: string) => {
      seen.contract = contract;
      return {
        newProposal: (_name: string, options: { arguments: unknown[] }) => {
          proposals += 1;
          const id = txId(proposals);
          const outcome = outcomes[proposals - 1] ?? { commit: StatusCode.VALID };
          seen.args.push(options.arguments);
          return {
            getTransactionId: () => id,
            endorse: () =>
              'endorseError' in outcome
                ? Promise.reject(outcome.endorseError)
                : Promise.resolve({
                    submit: () =>
                      Promise.resolve({
                        getResult: () => Buffer.from(`result of ${id}`),
                        getStatus: () =>
                          Promise.resolve({
                            blockNumber: BigInt(100 + proposals),
                            code: outcome.commit,
                            successful: outcome.commit === StatusCode.VALID,
                            transactionId: id,
                          }),
                      }),
                  }),
          };
        },
        evaluate: () => Promise.reject(gatewayError('query', GrpcStatus.UNAVAILABLE, 'connection refused')),
      };
    },
  };
  return { network: network as unknown as Network, proposals: () => proposals };
}

const settings: FabricSettings = {
  connectionProfilePath: '/nowhere',
  serviceUser: 'ledger-reader',
  timeouts: { evaluateMs: 1000, endorseMs: 1000, submitMs: 1000, commitStatusMs: 1000 },
  commitRetries: 2,
};

const call: LedgerCall = { contract: 'smoke', transaction: 'Put', args: ['k', 'v'] };

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('FabricLedgerClient', () => {
  let metrics: MetricsService;

  function clientWith(outcomes: Outcome[]) {
    const seen: { args: unknown[]; contract?: string; users: string[] } = { args: [], users: [] };
    const fake = fakeNetwork(outcomes, seen);
    const pool = {
      network: (user: string) => {
        seen.users.push(user);
        return Promise.resolve(fake.network);
      },
      chaincodeName: () => Promise.resolve('govtrace'),
    } as unknown as GatewayPool;
    return { client: new FabricLedgerClient(pool, metrics, settings), seen, proposals: fake.proposals };
  }

  const metric = async (name: string): Promise<string> =>
    (await metrics.registry.getSingleMetricAsString(name))
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');

  beforeEach(() => {
    metrics = new MetricsService();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('submits as the user, through the named contract, and answers after a VALID commit', async () => {
    const { client, seen } = clientWith([{ commit: StatusCode.VALID }]);
    const result = await client.submit('registry-clerk', call);
    expect(result).toEqual({ txId: txId(1), blockNumber: 101n, result: Buffer.from(`result of ${txId(1)}`) });
    expect(seen).toMatchObject({ users: ['registry-clerk'], contract: 'smoke', args: [['k', 'v']] });
    expect(await metric('govtrace_fabric_transactions_submitted_total')).toContain(
      'govtrace_fabric_transactions_submitted_total{contract="smoke",transaction="Put"} 1',
    );
  });

  it.each([StatusCode.MVCC_READ_CONFLICT, StatusCode.PHANTOM_READ_CONFLICT])(
    'retries validation code %i with a new transaction and answers with the one that committed',
    async (code) => {
      const { client, proposals } = clientWith([
        { commit: code },
        { commit: code },
        { commit: StatusCode.VALID },
      ]);
      const result = await client.submit('registry-clerk', call);
      expect(proposals()).toBe(3);
      expect(result.txId).toBe(txId(3));
      expect(await metric('govtrace_fabric_commit_retries_total')).toMatch(
        /govtrace_fabric_commit_retries_total\{[^}]+\} 2/,
      );
    },
  );

  it('gives up after the configured retries: 409 CONFLICT with the last transaction id', async () => {
    const conflict = { commit: StatusCode.MVCC_READ_CONFLICT };
    const { client, proposals } = clientWith([conflict, conflict, conflict, conflict]);
    const error = await rejection(client.submit('registry-clerk', call));
    expect(proposals()).toBe(1 + settings.commitRetries);
    expect(error).toMatchObject({ code: 'CONFLICT', txId: txId(3) });
    expect(await metric('govtrace_fabric_transactions_failed_total')).toContain('reason="CONFLICT"} 1');
  });

  it('does not retry other invalidations: 503 with the validation code', async () => {
    const { client, proposals } = clientWith([{ commit: StatusCode.ENDORSEMENT_POLICY_FAILURE }]);
    const error = await rejection(client.submit('registry-clerk', call));
    expect(proposals()).toBe(1);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', txId: txId(1) });
    expect(error.details).toEqual([
      expect.objectContaining({ validationCode: 'ENDORSEMENT_POLICY_FAILURE' }),
    ]);
  });

  it("reports the chaincode's own error with the txId of the transaction attempted", async () => {
    const endorseError = gatewayError('endorse', GrpcStatus.ABORTED, 'failed to endorse', [
      node(chaincodeResponse('RULE_VIOLATION', 'unit is seized')),
    ]);
    const { client } = clientWith([{ endorseError }]);
    const error = await rejection(client.submit('registry-clerk', call));
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: 'unit is seized' });
    expect(error.getStatus()).toBe(422);
    expect(await metric('govtrace_fabric_transactions_failed_total')).toContain('reason="RULE_VIOLATION"} 1');
  });

  it('names the transaction attempted even when the failure is not a Fabric error, and logs it', async () => {
    const { client } = clientWith([{ endorseError: new TypeError('signer exploded') }]);
    const error = await rejection(client.submit('registry-clerk', call));
    expect(error).toMatchObject({ code: 'INTERNAL', txId: txId(1) });
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringContaining(`(tx ${txId(1)}) failed unexpectedly: TypeError: signer exploded`),
      expect.any(String),
    );
  });

  it('maps a failed query and counts it', async () => {
    const { client } = clientWith([]);
    const error = await rejection(client.evaluate('registry-clerk', { ...call, transaction: 'Get' }));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', txId: undefined });
    expect(await metric('govtrace_fabric_evaluations_failed_total')).toContain(
      '{contract="smoke",transaction="Get",reason="UNAVAILABLE"} 1',
    );
  });
});
