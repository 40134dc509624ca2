// The licence a step after LICENSE needs: issued, and still ACTIVE (a closed enterprise gets no seal
// or tax registration). Shared by the business definition's CompleteStep and the tax definition's
// CompleteTaxStep, so both refuse in the same words.

import { RuleViolationError } from '../common/errors';
import { type LicenseRecord } from './license-record';

export function requireActiveLicense(step: string, license: LicenseRecord | undefined): void {
  if (license === undefined) {
    throw new RuleViolationError(`step ${step} needs the LICENSE step to be completed first`, [
      { field: 'step', message: 'LICENSE not completed yet' },
    ]);
  }
  if (license.status !== 'ACTIVE') {
    throw new RuleViolationError(`step ${step} is not possible: the licence is ${license.status}`, [
      { field: 'step', message: `licence is ${license.status}` },
    ]);
  }
}
