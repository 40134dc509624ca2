// What the business-opening contract answers (answer-shape.ts).

import { answerShape, listOf, optional } from '../common/answer-shape';

/** OpenCase: the case opened and the enterprise's USCC. */
export const CaseOpenedAnswer = answerShape('CaseOpenedAnswer', { caseId: 'string', uscc: 'string' });

/** CompleteStep (and businesstax CompleteTaxStep): the step done and when. */
export const StepCompletedAnswer = answerShape('StepCompletedAnswer', {
  caseId: 'string',
  step: 'string',
  completedAt: 'string',
});

/** ChangeLicenseStatus: the licence's new status and when it changed. */
export const LicenseStatusChangedAnswer = answerShape('LicenseStatusChangedAnswer', {
  uscc: 'string',
  status: 'string',
  changedAt: 'string',
});

/** One of the six steps of a case; a PENDING step has only its name and status. */
export const CaseStepShape = answerShape('CaseStep', {
  step: 'string',
  status: 'string',
  reference: optional('string'),
  completedAt: optional('string'),
  completedBy: optional('object'),
});

/** GetCase and FindCaseByUscc: the case, its derived status and its six steps. */
export const CaseAnswer = answerShape('CaseAnswer', {
  caseId: 'string',
  uscc: 'string',
  name: 'string',
  entityType: 'string',
  registeredCapitalFen: 'number',
  address: 'string',
  businessScope: 'string',
  legalRepresentative: 'string',
  openedAt: 'string',
  openedBy: 'object',
  status: 'string',
  completedAt: optional('string'),
  licenseStatus: optional('string'),
  steps: listOf(CaseStepShape),
});

/** GetCaseRecord: the case as opened, without steps (what the tax definition reads). */
export const CaseRecordAnswer = answerShape('CaseRecordAnswer', {
  caseId: 'string',
  uscc: 'string',
  name: 'string',
  entityType: 'string',
  openedAt: 'string',
  openedBy: 'object',
});

/** GetLicense: the licence with its status history. */
export const LicenseAnswer = answerShape('LicenseAnswer', {
  uscc: 'string',
  caseId: 'string',
  name: 'string',
  legalRepresentative: 'string',
  status: 'string',
  establishedAt: 'string',
  statusHistory: listOf('object'),
});
