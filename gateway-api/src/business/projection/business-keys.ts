// The public keys the business contract writes for what its events tell the index, computed from the
// payloads as chaincode/src/business/business-contract.ts and chaincode/src/tax/tax-step.ts key their
// records (recordKey with RecordTypes.Business*): the trust check finds each one in the write set of
// the namespace the event's rule names (business, or tax for the TAX step).

import {
  ContractNames,
  enterpriseNameClaimId,
  RecordTypes,
  StepContracts,
} from '../../../../chaincode/src/contract';
import { ledgerKey } from '../../index-db/trust/ledger-key';
import { type CaseOpened, type LicenseStatusChanged, type StepCompleted } from './business-events';

/** OpenCase: the case and the claim on its normalised name (which the enterprise search indexes). */
export function caseOpenedKeys(opened: Pick<CaseOpened, 'caseId' | 'normalisedName'>): string[] {
  return [
    ledgerKey(RecordTypes.BusinessCase, opened.caseId),
    ledgerKey(RecordTypes.BusinessNameClaim, enterpriseNameClaimId(opened.normalisedName)),
  ];
}

/**
 * CompleteStep: the step, and the licence it issues at LICENSE. The TAX step is the tax bureau's own
 * record, written by businesstax:CompleteTaxStep in the tax namespace under its own record type.
 */
export function stepCompletedKeys(
  completed: Pick<StepCompleted, 'caseId' | 'uscc' | 'step' | 'license'>,
): string[] {
  const stepKey =
    StepContracts[completed.step] === ContractNames.BusinessTax
      ? ledgerKey(RecordTypes.BusinessTaxStep, completed.caseId)
      : ledgerKey(RecordTypes.BusinessStep, completed.caseId, completed.step);
  return [
    stepKey,
    ...(completed.license === undefined ? [] : [ledgerKey(RecordTypes.BusinessLicense, completed.uscc)]),
  ];
}

/** ChangeLicenseStatus: the licence. */
export function licenseStatusChangedKeys(changed: Pick<LicenseStatusChanged, 'uscc'>): string[] {
  return [ledgerKey(RecordTypes.BusinessLicense, changed.uscc)];
}
