// CompleteStep: one department completes its step of a case, once, by the step's role; the LICENSE
// step (the market bureau's) issues the business licence and comes first. The TAX step is the tax
// bureau's, recorded in its own definition (tax/business-tax-contract.ts), so it is refused here.
//
// MVCC: reads the case, the licence and its own step key and writes only its own step key (plus the
// licence at LICENSE), so steps of one case completed at once by different departments never
// conflict.

import { type Context } from 'fabric-contract-api';
import { requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { StepCompletedAnswer } from './answers';
import { ConflictError, type ErrorDetail, RuleViolationError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putRecord, recordExists, recordKey, RecordTypes } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { actorOf } from './actor';
import { parseCaseId } from './case-id';
import { requireCase } from './case-view';
import { LicenseRecord } from './license-record';
import { requireActiveLicense } from './license-rules';
import { textField } from './open-case-request';
import { REFERENCE_MAX_CHARS, StepRecord } from './step-record';
import { BusinessSteps, isBusinessStep, StepRoles } from './steps';

/** Returns { caseId, step, completedAt }. */
export async function completeStep(
  ctx: Context,
  caseId: string,
  step: string,
  reference: string,
): Promise<AnswerJson<typeof StepCompletedAnswer>> {
  const parsed = parseCaseId(caseId);
  const problems: ErrorDetail[] = [];
  if (!isBusinessStep(step)) {
    problems.push({ field: 'step', message: `must be one of ${BusinessSteps.join(', ')}` });
  }
  const ref = textField(reference, 'reference', REFERENCE_MAX_CHARS, problems);
  if (problems.length > 0 || !isBusinessStep(step)) {
    throw new ValidationError('invalid step completion', problems);
  }
  if (step === 'TAX') {
    throw new RuleViolationError(
      'the TAX step is recorded by the tax bureau in its own chaincode: tax, businesstax:CompleteTaxStep',
      [{ field: 'step', message: 'TAX is completed with businesstax:CompleteTaxStep (definition tax)' }],
    );
  }
  const submitter = requireRole(ctx, StepRoles[step]);
  const record = await requireCase(ctx, parsed.caseId);
  const stepKey = recordKey(ctx, RecordTypes.BusinessStep, record.caseId, step);
  if (await recordExists(ctx, stepKey)) {
    throw new ConflictError(`step ${step} of case ${record.caseId} is already completed`, [
      { field: 'step', message: 'already completed' },
    ]);
  }
  const licenseKey = recordKey(ctx, RecordTypes.BusinessLicense, record.uscc);
  const license = await getRecord(ctx, licenseKey, (raw) => LicenseRecord.fromStored(raw));
  if (step !== 'LICENSE') {
    requireActiveLicense(step, license);
  }
  const now = transactionTime(ctx);
  const actor = actorOf(submitter);
  const stepRecord = StepRecord.create({
    caseId: record.caseId,
    step,
    reference: ref,
    completedAt: now,
    completedBy: actor,
  });
  await putRecord(ctx, stepKey, stepRecord);
  let issued: LicenseRecord | undefined;
  if (step === 'LICENSE') {
    issued = LicenseRecord.issue(
      {
        uscc: record.uscc,
        caseId: record.caseId,
        name: record.name,
        legalRepresentative: record.legalRepresentative.maskedName,
        establishedAt: now,
      },
      actor,
      ctx.stub.getTxID(),
    );
    await putRecord(ctx, licenseKey, issued);
  }
  emitEvent(ctx, EventNames.BusinessStepCompleted, {
    caseId: record.caseId,
    uscc: record.uscc,
    name: record.name,
    step,
    reference: ref,
    completedAt: now,
    completedBy: { mspId: actor.mspId, role: actor.role },
    openedAt: record.openedAt,
    ...(issued === undefined
      ? {}
      : { license: { status: issued.status, establishedAt: issued.establishedAt } }),
  });
  return answerJson(StepCompletedAnswer, { caseId: record.caseId, step, completedAt: now });
}
