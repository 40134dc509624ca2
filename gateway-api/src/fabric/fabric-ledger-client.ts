import { setTimeout as sleep } from 'node:timers/promises';

import { CommitError, type Contract, type ProposalOptions } from '@hyperledger/fabric-gateway';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { type ApiError } from '../common/errors';
import { type LedgerCall, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { MetricsService } from '../metrics/metrics.service';
import { retryDelayMs } from './commit-retry';
import { defaultEndorsers, definitionOf } from './definition-routing';
import { FABRIC_SETTINGS, type FabricSettings } from './fabric.settings';
import { mapFabricError, READ_CONFLICT_CODES, validationCodeName } from './fabric-errors';
import { GatewayPool } from './gateway-pool';

/** The id of the transaction in flight, so an error at any step can name it. */
interface Attempt {
  txId?: string;
}

/** LedgerClient over fabric-gateway: each call signed by the principal's own identity. */
@Injectable()
export class FabricLedgerClient implements LedgerClient {
  private readonly logger = new Logger(FabricLedgerClient.name);

  constructor(
    private readonly gateways: GatewayPool,
    private readonly metrics: MetricsService,
    @Inject(FABRIC_SETTINGS) private readonly settings: FabricSettings,
  ) {}

  async submit(user: string, call: LedgerCall): Promise<SubmitResult> {
    this.metrics.transactionSubmitted(call.contract, call.transaction);
    const attempt: Attempt = {};
    try {
      return await this.submitWithRetries(await this.contract(user, call), call, attempt);
    } catch (error) {
      const mapped = this.report(error, call, attempt.txId);
      this.metrics.transactionFailed(call.contract, call.transaction, mapped.code);
      throw mapped;
    }
  }

  async evaluate(user: string, call: LedgerCall): Promise<Uint8Array> {
    try {
      const contract = await this.contract(user, call);
      return await contract.evaluate(call.transaction, proposalOptions(call, 'evaluate'));
    } catch (error) {
      const mapped = this.report(error, call, undefined);
      this.metrics.evaluationFailed(call.contract, call.transaction, mapped.code);
      throw mapped;
    }
  }

  /**
   * Endorse, submit, wait for the commit; on a read conflict, start over with a new proposal (a new
   * transaction id and fresh reads), since the conflicting one can never become valid.
   */
  private async submitWithRetries(
    contract: Contract,
    call: LedgerCall,
    attempt: Attempt,
  ): Promise<SubmitResult> {
    for (let tries = 1; ; tries += 1) {
      const proposal = contract.newProposal(call.transaction, proposalOptions(call, 'submit'));
      attempt.txId = proposal.getTransactionId();
      const submitted = await (await proposal.endorse()).submit();
      const status = await submitted.getStatus();
      if (status.successful) {
        return { txId: status.transactionId, blockNumber: status.blockNumber, result: submitted.getResult() };
      }
      const codeName = validationCodeName(status.code);
      if (!READ_CONFLICT_CODES.has(status.code) || tries > this.settings.commitRetries) {
        throw new CommitError({
          code: status.code,
          transactionId: status.transactionId,
          message: `Transaction ${status.transactionId} committed in block ${status.blockNumber} as ${codeName}`,
        });
      }
      this.metrics.commitRetried(call.contract, call.transaction, codeName);
      const delay = retryDelayMs(tries);
      this.logger.warn(
        `${call.contract}:${call.transaction} ${status.transactionId} was ${codeName}; ` +
          `new transaction in ${delay} ms (retry ${tries} of ${this.settings.commitRetries})`,
      );
      await sleep(delay);
    }
  }

  private async contract(user: string, call: LedgerCall): Promise<Contract> {
    const network = await this.gateways.network(user);
    return network.getContract(definitionOf(call), call.contract);
  }

  /** Maps the error; what the client will not see (a bug's cause) goes to the log with the txId. */
  private report(error: unknown, call: LedgerCall, txId: string | undefined): ApiError {
    const mapped = mapFabricError(error, txId);
    if (mapped.code === 'INTERNAL') {
      this.logger.error(
        `${call.contract}:${call.transaction}${txId ? ` (tx ${txId})` : ''} failed unexpectedly: ${describe(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
    return mapped;
  }
}

/**
 * A submit defaults to the owner's peer (defaultEndorsers); an evaluation keeps fabric-gateway's
 * default, the caller's own organisation's peer, unless the call names organisations.
 */
function proposalOptions(call: LedgerCall, kind: 'submit' | 'evaluate'): ProposalOptions {
  const endorsingOrgs = call.endorsingOrgs ?? (kind === 'submit' ? defaultEndorsers(call) : undefined);
  return {
    arguments: [...call.args],
    ...(call.transient !== undefined && { transientData: { ...call.transient } }),
    ...(endorsingOrgs !== undefined && { endorsingOrganizations: [...endorsingOrgs] }),
  };
}

/** A GatewayError's text is in its per-node details; the top-level message is often generic. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details: unknown = (error as { details?: unknown }).details;
  const nodes = Array.isArray(details)
    ? (details as { address?: unknown; message?: unknown }[])
        .map((d) => `${String(d.address)}: ${String(d.message)}`)
        .join('; ')
    : '';
  return `${error.name}: ${error.message}${nodes ? ` [${nodes}]` : ''}`;
}
