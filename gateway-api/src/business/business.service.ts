import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Optional } from '@nestjs/common';

import {
  Answers,
  type BusinessStep,
  ContractNames,
  StepContracts,
  StepEndorsers,
  Transactions,
} from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { chaincodeAnswer, decodeAnswer } from '../common/chaincode-answer';
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

export const CONTRACT = ContractNames.Business;
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
    const { caseId, uscc } = chaincodeAnswer(submitted.result, CONTRACT, Transactions.business.OpenCase);
    return { caseId, uscc, ...written(submitted) };
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
    // CompleteStep and businesstax CompleteTaxStep answer the same shape
    const answer = decodeAnswer(
      submitted.result,
      Answers.business.CompleteStep,
      `${call.contract} ${call.transaction}`,
    );
    return {
      caseId: answer.caseId,
      step: answer.step,
      completedAt: answer.completedAt,
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
    const answer = chaincodeAnswer(submitted.result, CONTRACT, Transactions.business.ChangeLicenseStatus);
    return { uscc: answer.uscc, status: answer.status, changedAt: answer.changedAt, ...written(submitted) };
  }

  async getCase(caller: Principal, caseId: string): Promise<CaseResponse> {
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.business.GetCase,
      args: [caseId],
    });
    const view = chaincodeAnswer(bytes, CONTRACT, Transactions.business.GetCase);
    const report = this.calendar.report(view.openedAt, view.completedAt ?? this.now().toISOString());
    return {
      ...view,
      elapsedWorkingMillis: report.elapsedWorkingMillis,
      targetMillis: report.targetMillis,
      withinTarget: report.withinTarget,
    };
  }
}

function written(submitted: SubmitResult): { txId: string; blockNumber: number } {
  return { txId: submitted.txId, blockNumber: Number(submitted.blockNumber) };
}
