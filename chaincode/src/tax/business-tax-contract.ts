// BusinessTaxContract ('businesstax', definition `tax`): the TAX step of a business opening case, the
// tax bureau's own act, recorded in the tax namespace so that only TaxMSP's peer can create it. The
// business definition shows it in GetCase by calling GetTaxStep.

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import { StepCompletedAnswer } from '../business/answers';
import { TaxStepAnswer } from './answers';
import { requireMember } from '../common/access';
import { ContractNames } from '../common/definitions';
import { requireRecord } from '../common/ledger';
import { parseCaseId } from '../business/case-id';
import { StepRecord } from '../business/step-record';
import { taxStepKey } from './keys';
import { completeTaxStep } from './tax-step';

@Info({ title: 'BusinessTaxContract', description: "The tax bureau's step of business opening cases" })
export class BusinessTaxContract extends Contract {
  constructor() {
    super(ContractNames.BusinessTax);
  }

  /**
   * tax_officer: completes the case's TAX step once, after an ACTIVE licence (read from the business
   * definition). Returns { caseId, step: 'TAX', completedAt }; emits BusinessStepCompleted.
   */
  @Transaction()
  @Returns(answerType(StepCompletedAnswer))
  async CompleteTaxStep(
    ctx: Context,
    caseId: string,
    reference: string,
  ): Promise<AnswerJson<typeof StepCompletedAnswer>> {
    return completeTaxStep(ctx, caseId, reference);
  }

  /**
   * The TAX step record `{ caseId, step, reference, completedAt, completedBy }`; NOT_FOUND while it
   * is not completed. Any member: business GetCase reads it with its own caller's identity.
   */
  @Transaction(false)
  @Returns(answerType(TaxStepAnswer))
  async GetTaxStep(ctx: Context, caseId: string): Promise<AnswerJson<typeof TaxStepAnswer>> {
    requireMember(ctx);
    const canonical = parseCaseId(caseId).caseId;
    return answerJson(
      TaxStepAnswer,
      await requireRecord(
        ctx,
        taxStepKey(ctx, canonical),
        (raw) => StepRecord.fromStored(raw),
        `TAX step of case ${canonical}`,
      ),
    );
  }
}
