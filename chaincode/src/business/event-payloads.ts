// What the business contracts' events carry (answer-shape.ts), as the gateway's index reads them.
// BusinessStepCompleted is emitted by the business contract and by businesstax (the TAX step).

import { answerShape, optional } from '../common/answer-shape';

/** Who acted: the submitter's organisation and role, never the person. */
export const ActorShape = answerShape('BusinessActor', { mspId: 'string', role: 'string' });

export const CaseOpenedPayload = answerShape('BusinessCaseOpenedPayload', {
  caseId: 'string',
  uscc: 'string',
  name: 'string',
  normalisedName: 'string',
  entityType: 'string',
  registeredCapitalFen: 'number',
  legalRepresentative: 'string',
  openedAt: 'string',
  openedBy: ActorShape,
});

/** The licence issued with the LICENSE step. */
export const IssuedLicenseShape = answerShape('IssuedLicense', { status: 'string', establishedAt: 'string' });

export const StepCompletedPayload = answerShape('BusinessStepCompletedPayload', {
  caseId: 'string',
  uscc: 'string',
  name: 'string',
  step: 'string',
  reference: 'string',
  completedAt: 'string',
  completedBy: ActorShape,
  openedAt: 'string',
  license: optional(IssuedLicenseShape),
});

export const LicenseStatusChangedPayload = answerShape('BusinessLicenseStatusChangedPayload', {
  uscc: 'string',
  caseId: 'string',
  name: 'string',
  previousStatus: 'string',
  status: 'string',
  reason: 'string',
  changedAt: 'string',
  changedBy: ActorShape,
});
