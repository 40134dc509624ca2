// The public keys the business contract writes for what its events tell the index, computed from the
// payloads as chaincode/src/business/business-contract.ts keys its records (recordKey with
// RecordTypes.Business*): the trust check finds each one in the transaction's write set.

import { enterpriseNameClaimId } from '../../../../chaincode/src/business/enterprise-name';
import { RecordTypes } from '../../../../chaincode/src/common/ledger';
import { ledgerKey } from '../../index-db/trust/ledger-key';
import { type CaseOpened, type LicenseStatusChanged, type StepCompleted } from './business-events';

/** OpenCase: the case and the claim on its normalised name (which the enterprise search indexes). */
export function caseOpenedKeys(opened: CaseOpened): string[] {
  return [
    ledgerKey(RecordTypes.BusinessCase, opened.caseId),
    ledgerKey(RecordTypes.BusinessNameClaim, enterpriseNameClaimId(opened.normalisedName)),
  ];
}

/** CompleteStep: the step, and the licence it issues at LICENSE. */
export function stepCompletedKeys(completed: StepCompleted): string[] {
  return [
    ledgerKey(RecordTypes.BusinessStep, completed.caseId, completed.step),
    ...(completed.license === undefined ? [] : [ledgerKey(RecordTypes.BusinessLicense, completed.uscc)]),
  ];
}

/** ChangeLicenseStatus: the licence. */
export function licenseStatusChangedKeys(changed: LicenseStatusChanged): string[] {
  return [ledgerKey(RecordTypes.BusinessLicense, changed.uscc)];
}
