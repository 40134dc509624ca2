// What the tax bureau's contracts answer (answer-shape.ts). CompleteTaxStep answers like the business
// contract's CompleteStep (business/answers.ts, StepCompletedAnswer).

import { answerShape, listOf, nullable } from '../common/answer-shape';

/** RecordDeedTaxClearance: the clearance and the title version of the unit it clears. */
export const DeedTaxClearanceAnswer = answerShape('DeedTaxClearanceAnswer', {
  clearanceNumber: 'string',
  unitNumber: 'string',
  titleVersion: 'number',
});

export const TransfereeShape = answerShape('Transferee', { idNumber: 'string', salt: 'string' });

/** GetDeedTaxClearanceTransferees: the private list (ID numbers and salts) the TRANSFER must present. */
export const ClearanceTransfereesAnswer = answerShape('ClearanceTransfereesAnswer', {
  clearanceNumber: 'string',
  unitNumber: 'string',
  transferees: listOf(TransfereeShape),
});

export const AuditedTransferShape = answerShape('AuditedTransfer', {
  registrationId: 'string',
  sequence: 'number',
  txId: 'string',
  registeredAt: 'string',
  clerk: 'object',
  clearanceNumber: nullable('string'),
  titleVersionBefore: 'number',
  clearanceTitleVersion: nullable('number'),
  verdict: 'string',
  alsoNamedBy: listOf('string'),
});

/** AuditUnitTransfers: every TRANSFER of the unit with its verdict, and how many are irregular. */
export const UnitTransferAuditAnswer = answerShape('UnitTransferAuditAnswer', {
  unitNumber: 'string',
  transfers: listOf(AuditedTransferShape),
  irregular: 'number',
});

/** GetDeedTaxClearance: the public clearance record (salted ID hashes only). */
export const ClearanceRecordAnswer = answerShape('ClearanceRecordAnswer', {
  clearanceNumber: 'string',
  unitNumber: 'string',
  titleVersion: 'number',
  transfereeIdHashes: listOf('string'),
  recordedAt: 'string',
  officer: 'object',
  txId: 'string',
});

/** GetTaxStep: the TAX step record of a business case. */
export const TaxStepAnswer = answerShape('TaxStepAnswer', {
  caseId: 'string',
  step: 'string',
  reference: 'string',
  completedAt: 'string',
  completedBy: 'object',
});
