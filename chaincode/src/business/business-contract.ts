// Business opening (开办企业, "one application"): a case per enterprise, six department steps, and the
// business licence issued at the LICENSE step (definition `business`, whose chaincode-level policy is
// MarketMSP's peer alone). The TAX step is the tax bureau's, recorded in the tax definition
// (tax/business-tax-contract.ts). See chaincode/README.md, "business contract", for the key layout,
// events, endorsement and privacy rules.
//
// The contract is the transactions' names and signatures; each writing transaction's body is a
// function of its own file (open-case.ts, complete-step.ts, change-license-status.ts), as in waste.
// The case status (OPEN / COMPLETED) is derived on read from the six step keys instead of being
// stored, since storing it would make every step write the same case key.

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import {
  CaseAnswer,
  CaseOpenedAnswer,
  CaseRecordAnswer,
  LicenseAnswer,
  LicenseStatusChangedAnswer,
  StepCompletedAnswer,
} from './answers';
import { requireMember } from '../common/access';
import { ContractNames } from '../common/definitions';
import { recordKey, RecordTypes, requireRecord } from '../common/ledger';
import { caseIdForUscc, parseCaseId, requireUscc } from './case-id';
import { caseView, requireCase } from './case-view';
import { changeLicenseStatus } from './change-license-status';
import { completeStep } from './complete-step';
import { LicenseRecord } from './license-record';
import { openCase } from './open-case';

@Info({ title: 'BusinessContract', description: 'Business opening cases, their steps and business licences' })
export class BusinessContract extends Contract {
  constructor() {
    super(ContractNames.Business);
  }

  /**
   * Opens a case. `requestJson`: { uscc, name, entityType, registeredCapitalCny, address, businessScope };
   * transient `legalRepresentative`: { name, idNumber, salt }. Returns { caseId, uscc }.
   */
  @Transaction()
  @Returns(answerType(CaseOpenedAnswer))
  async OpenCase(ctx: Context, requestJson: string): Promise<AnswerJson<typeof CaseOpenedAnswer>> {
    return openCase(ctx, requestJson);
  }

  /**
   * Completes one step once, by its role; LICENSE first. TAX is refused (RULE_VIOLATION): the tax
   * bureau records it in its own definition, businesstax:CompleteTaxStep. Returns
   * { caseId, step, completedAt }.
   */
  @Transaction()
  @Returns(answerType(StepCompletedAnswer))
  async CompleteStep(
    ctx: Context,
    caseId: string,
    step: string,
    reference: string,
  ): Promise<AnswerJson<typeof StepCompletedAnswer>> {
    return completeStep(ctx, caseId, step, reference);
  }

  /** Cancels (注销) or revokes (吊销) an ACTIVE licence. Returns { uscc, status, changedAt }. */
  @Transaction()
  @Returns(answerType(LicenseStatusChangedAnswer))
  async ChangeLicenseStatus(
    ctx: Context,
    uscc: string,
    status: string,
    reason: string,
  ): Promise<AnswerJson<typeof LicenseStatusChangedAnswer>> {
    return changeLicenseStatus(ctx, uscc, status, reason);
  }

  /**
   * The case with its six steps (status, time, actor) and the derived case status. The TAX step is
   * read from the tax definition (businesstax:GetTaxStep), so the tax chaincode must not call this.
   */
  @Transaction(false)
  @Returns(answerType(CaseAnswer))
  async GetCase(ctx: Context, caseId: string): Promise<AnswerJson<typeof CaseAnswer>> {
    requireMember(ctx);
    return answerJson(CaseAnswer, await caseView(ctx, parseCaseId(caseId).caseId));
  }

  /** Same as GetCase, found by the enterprise's USCC. */
  @Transaction(false)
  @Returns(answerType(CaseAnswer))
  async FindCaseByUscc(ctx: Context, uscc: string): Promise<AnswerJson<typeof CaseAnswer>> {
    requireMember(ctx);
    return answerJson(CaseAnswer, await caseView(ctx, caseIdForUscc(requireUscc(uscc))));
  }

  /**
   * The case as opened, without steps and without any cross-chaincode read: `{ caseId, uscc, name,
   * entityType, openedAt, openedBy }`. What the tax definition reads for CompleteTaxStep (it cannot
   * read GetCase, which calls back into tax).
   */
  @Transaction(false)
  @Returns(answerType(CaseRecordAnswer))
  async GetCaseRecord(ctx: Context, caseId: string): Promise<AnswerJson<typeof CaseRecordAnswer>> {
    requireMember(ctx);
    const record = await requireCase(ctx, parseCaseId(caseId).caseId);
    return answerJson(CaseRecordAnswer, {
      caseId: record.caseId,
      uscc: record.uscc,
      name: record.name,
      entityType: record.entityType,
      openedAt: record.openedAt,
      openedBy: record.openedBy,
    });
  }

  /** The licence: status, name, masked legal representative, establishedAt and status history. */
  @Transaction(false)
  @Returns(answerType(LicenseAnswer))
  async GetLicense(ctx: Context, uscc: string): Promise<AnswerJson<typeof LicenseAnswer>> {
    requireMember(ctx);
    const canonical = requireUscc(uscc);
    const license = await requireRecord(
      ctx,
      recordKey(ctx, RecordTypes.BusinessLicense, canonical),
      (raw) => LicenseRecord.fromStored(raw),
      `licence of USCC ${canonical}`,
    );
    return answerJson(LicenseAnswer, {
      ...license,
      statusHistory: license.statusHistory.map((change) => ({ ...change })),
    });
  }
}
