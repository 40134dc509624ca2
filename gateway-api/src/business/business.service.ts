import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Optional } from '@nestjs/common';

import {
  type BusinessStep,
  StepContracts,
  StepEndorsers,
  Transactions,
} from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { chaincodeAnswerObject, unexpectedAnswer } from '../common/chaincode-answer';
import { LEDGER_CLIENT, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { type ChangeLicenseStatusDto, type CompleteStepDto } from './dto/step.dto';
import { type OpenCaseDto } from './dto/open-case.dto';
import {
  type CaseResponse,
  type CompleteStepResponse,
  type LicenseStatusResponse,
  type OpenCaseResponse,
} from './dto/responses.dto';
import { BusinessWorkingCalendar } from './working-calendar';

export const CONTRACT = 'business';
export const MARKET_MSP = 'MarketMSP';
/** The transient key the contract reads the legal representative from (legal-representative.ts). */
export const LEGAL_REPRESENTATIVE_TRANSIENT_KEY = 'legalRepresentative';

/** Injection token of the clock; tests pin "now" for open cases. */
export const BUSINESS_CLOCK = Symbol('BusinessClock');
export type Clock = () => Date;

/** The `business` contract through the caller's own identity. */
@Injectable()
export class BusinessService {
  private readonly now: Clock;

  constructor(
    @Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient,
    private readonly calendar: BusinessWorkingCalendar,
    @Optional() @Inject(BUSINESS_CLOCK) clock?: Clock,
  ) {
    this.now = clock ?? ((): Date => new Date());
  }

  async openCase(caller: Principal, dto: OpenCaseDto): Promise<OpenCaseResponse> {
    const { legalRepresentative, ...request } = dto;
    // the salt makes the public ID hash unguessable; chaincode has no randomness, so the gateway picks it
    const person = {
      name: legalRepresentative.name,
      idNumber: legalRepresentative.idNumber,
      salt: randomBytes(16).toString('hex'),
    };
    const submitted = await this.ledger.submit(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.business.OpenCase,
      args: [JSON.stringify(request)],
      transient: { [LEGAL_REPRESENTATIVE_TRANSIENT_KEY]: JSON.stringify(person) },
      // the private collection marketPrivate must reach MarketMSP's peers only
      endorsingOrgs: [MARKET_MSP],
    });
    const result = this.resultOf(submitted, 'OpenCase');
    return {
      caseId: stringField(result, 'caseId'),
      uscc: stringField(result, 'uscc'),
      ...written(submitted),
    };
  }

  async completeStep(
    caller: Principal,
    caseId: string,
    step: BusinessStep,
    dto: CompleteStepDto,
  ): Promise<CompleteStepResponse> {
    // the TAX step is the tax bureau's own act, recorded by businesstax in the tax definition
    const call =
      StepContracts[step] === 'businesstax'
        ? {
            contract: StepContracts[step],
            transaction: Transactions.businesstax.CompleteTaxStep,
            args: [caseId, dto.reference],
          }
        : {
            contract: StepContracts[step],
            transaction: Transactions.business.CompleteStep,
            args: [caseId, step, dto.reference],
          };
    const submitted = await this.ledger.submit(caller.user, {
      ...call,
      // the department whose definition records the step, alone
      endorsingOrgs: [...StepEndorsers[step]],
    });
    const result = this.resultOf(submitted, call.transaction);
    return {
      caseId: stringField(result, 'caseId'),
      step: stringField(result, 'step'),
      completedAt: stringField(result, 'completedAt'),
      ...written(submitted),
    };
  }

  async changeLicenseStatus(
    caller: Principal,
    uscc: string,
    dto: ChangeLicenseStatusDto,
  ): Promise<LicenseStatusResponse> {
    const submitted = await this.ledger.submit(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.business.ChangeLicenseStatus,
      args: [uscc, dto.status, dto.reason],
      endorsingOrgs: [MARKET_MSP],
    });
    const result = this.resultOf(submitted, 'ChangeLicenseStatus');
    return {
      uscc: stringField(result, 'uscc'),
      status: stringField(result, 'status'),
      changedAt: stringField(result, 'changedAt'),
      ...written(submitted),
    };
  }

  async getCase(caller: Principal, caseId: string): Promise<CaseResponse> {
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.business.GetCase,
      args: [caseId],
    });
    const view = this.parse(bytes, 'GetCase');
    const openedAt = stringField(view, 'openedAt');
    const completedAt = typeof view['completedAt'] === 'string' ? view['completedAt'] : undefined;
    const report = this.calendar.report(openedAt, completedAt ?? this.now().toISOString());
    return {
      ...view,
      caseId: stringField(view, 'caseId'),
      uscc: stringField(view, 'uscc'),
      status: stringField(view, 'status'),
      openedAt,
      steps: Array.isArray(view['steps']) ? (view['steps'] as unknown[]) : [],
      elapsedWorkingMillis: report.elapsedWorkingMillis,
      targetMillis: report.targetMillis,
      withinTarget: report.withinTarget,
    };
  }

  private resultOf(submitted: SubmitResult, transaction: string): Record<string, unknown> {
    return this.parse(submitted.result, transaction);
  }

  private parse(bytes: Uint8Array, transaction: string): Record<string, unknown> {
    return chaincodeAnswerObject(bytes, `business ${transaction}`);
  }
}

function written(submitted: SubmitResult): { txId: string; blockNumber: number } {
  return { txId: submitted.txId, blockNumber: Number(submitted.blockNumber) };
}

function stringField(object: Record<string, unknown>, field: string): string {
  const value = object[field];
  if (typeof value !== 'string') {
    throw unexpectedAnswer('business', `the answer lacks ${field}`);
  }
  return value;
}
