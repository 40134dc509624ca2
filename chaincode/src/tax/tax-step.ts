// CompleteTaxStep: the tax bureau completes the TAX step of a business opening case (tax
// registration). It is recorded in the tax namespace, which only TaxMSP's peer endorses, under the
// same rules as the other steps: the case exists, the licence is issued and ACTIVE, and the step is
// completed once. The case and licence are read from the business definition within this transaction,
// so a licence cancelled before this commits invalidates it (MVCC on the business namespace). The event
// is the one every step emits (BusinessStepCompleted, step TAX), so the index sees no difference.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { StepCompletedAnswer } from '../business/answers';
import { ConflictError, type ErrorDetail, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { putRecord, recordExists } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { actorOf } from '../business/actor';
import { parseCaseId } from '../business/case-id';
import { requireActiveLicense } from '../business/license-rules';
import { textField } from '../business/open-case-request';
import { REFERENCE_MAX_CHARS, StepRecord } from '../business/step-record';
import { caseFromBusiness, licenseFromBusiness } from './business-reads';
import { taxStepKey } from './keys';

const STEP = 'TAX';

export async function completeTaxStep(
  ctx: Context,
  caseId: string,
  reference: string,
): Promise<AnswerJson<typeof StepCompletedAnswer>> {
  const parsed = parseCaseId(caseId);
  const problems: ErrorDetail[] = [];
  const ref = textField(reference, 'reference', REFERENCE_MAX_CHARS, problems);
  if (problems.length > 0) {
    throw new ValidationError('invalid step completion', problems);
  }
  const submitter = requireRole(ctx, Roles.TaxOfficer);
  const opened = await caseFromBusiness(ctx, parsed.caseId);
  const key = taxStepKey(ctx, opened.caseId);
  if (await recordExists(ctx, key)) {
    throw new ConflictError(`step ${STEP} of case ${opened.caseId} is already completed`, [
      { field: 'step', message: 'already completed' },
    ]);
  }
  requireActiveLicense(STEP, await licenseFromBusiness(ctx, opened.uscc));
  const now = transactionTime(ctx);
  const actor = actorOf(submitter);
  await putRecord(
    ctx,
    key,
    StepRecord.create({
      caseId: opened.caseId,
      step: STEP,
      reference: ref,
      completedAt: now,
      completedBy: actor,
    }),
  );
  emitEvent(ctx, EventNames.BusinessStepCompleted, {
    caseId: opened.caseId,
    uscc: opened.uscc,
    name: opened.name,
    step: STEP,
    reference: ref,
    completedAt: now,
    completedBy: { mspId: actor.mspId, role: actor.role },
    openedAt: opened.openedAt,
  });
  return answerJson(StepCompletedAnswer, { caseId: opened.caseId, step: STEP, completedAt: now });
}
