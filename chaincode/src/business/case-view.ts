// What GetCase and FindCaseByUscc answer: the case, its six steps and the derived status. Five steps
// are this definition's own keys; the TAX step is the tax bureau's record in the tax definition, read
// through businesstax:GetTaxStep within the query, so the answer has the same shape as when every
// step lived here. Fabric refuses a transaction that enters a chaincode twice (tax → business → tax),
// so the tax chaincode never calls GetCase: it reads GetCaseRecord instead.

import { type Context } from 'fabric-contract-api';
import { type AnswerValue } from '../common/answer-shape';
import { findInContract } from '../common/cross-chaincode';
import { ContractNames } from '../common/definitions';
import { getRecord, listRecords, recordKey, RecordTypes, requireRecord } from '../common/ledger';
import { type CaseAnswer, type CaseStepShape } from './answers';
import { CaseRecord } from './case-record';
import { LicenseRecord } from './license-record';
import { StepRecord } from './step-record';
import { type BusinessStep, BusinessSteps } from './steps';
import { Transactions } from '../common/transactions';

export async function requireCase(ctx: Context, caseId: string): Promise<CaseRecord> {
  return requireRecord(
    ctx,
    recordKey(ctx, RecordTypes.BusinessCase, caseId),
    (raw) => CaseRecord.fromStored(raw),
    `case ${caseId}`,
  );
}

export async function caseView(ctx: Context, caseId: string): Promise<AnswerValue<typeof CaseAnswer>> {
  const record = await requireCase(ctx, caseId);
  const done = new Map<string, StepRecord>();
  for (const { record: step } of await listRecords(ctx, RecordTypes.BusinessStep, [caseId], (raw) =>
    StepRecord.fromStored(raw),
  )) {
    // TAX is the tax bureau's: only its own record counts, never a key of that name here
    if (step.step !== 'TAX') done.set(step.step, step);
  }
  const tax = await taxStep(ctx, caseId);
  if (tax !== undefined) done.set('TAX', tax);
  const steps = BusinessSteps.map((step) => stepView(step, done.get(step)));
  const completed = done.size === BusinessSteps.length;
  const completedAt = completed
    ? [...done.values()]
        .map((step) => step.completedAt)
        .sort()
        .at(-1)
    : undefined;
  const license = await getRecord(ctx, recordKey(ctx, RecordTypes.BusinessLicense, record.uscc), (raw) =>
    LicenseRecord.fromStored(raw),
  );
  return {
    caseId: record.caseId,
    uscc: record.uscc,
    name: record.name,
    entityType: record.entityType,
    registeredCapitalFen: record.registeredCapitalFen,
    address: record.address,
    businessScope: record.businessScope,
    legalRepresentative: record.legalRepresentative.maskedName,
    openedAt: record.openedAt,
    openedBy: record.openedBy,
    status: completed ? 'COMPLETED' : 'OPEN',
    ...(completedAt === undefined ? {} : { completedAt }),
    ...(license === undefined ? {} : { licenseStatus: license.status }),
    steps,
  };
}

/** The TAX step from the tax definition, or undefined while the tax bureau has not completed it. */
async function taxStep(ctx: Context, caseId: string): Promise<StepRecord | undefined> {
  const step = await findInContract(
    ctx,
    { contract: ContractNames.BusinessTax, fn: Transactions.businesstax.GetTaxStep, args: [caseId] },
    (raw) => StepRecord.fromStored(raw),
  );
  if (step !== undefined && (step.step !== 'TAX' || step.caseId !== caseId)) {
    throw new Error(
      `the tax definition answered step ${step.step} of ${step.caseId} for the TAX step of ${caseId}`,
    );
  }
  return step;
}

function stepView(step: BusinessStep, record: StepRecord | undefined): AnswerValue<typeof CaseStepShape> {
  return record === undefined
    ? { step, status: 'PENDING' }
    : {
        step,
        status: 'DONE',
        reference: record.reference,
        completedAt: record.completedAt,
        completedBy: record.completedBy,
      };
}
