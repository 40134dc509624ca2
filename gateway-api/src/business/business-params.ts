// Path parameters checked with the chaincode's own rules, so a bad one answers 400 naming the field
// before a transaction is attempted (the chaincode checks again).

import {
  type BusinessStep,
  BusinessSteps,
  isBusinessStep,
  parseUscc,
  StepRoles,
} from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { ForbiddenError, ValidationFailedError } from '../common/errors';

const CASE_PREFIX = 'BO-';

function invalid(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError(`Invalid request: ${field}: ${message}`, {
    details: [{ field, message }],
  });
}

/** The canonical USCC (upper case) or 400 naming `field`. */
export function requireUsccParam(value: string, field = 'uscc'): string {
  const parsed = parseUscc(value);
  if (!parsed.valid) throw invalid(field, `not a valid unified social credit code: ${parsed.reason}`);
  return parsed.value.canonical;
}

/** `BO-<USCC>` in canonical form, or 400 naming `caseId`. */
export function requireCaseIdParam(value: string): string {
  if (value.slice(0, CASE_PREFIX.length).toUpperCase() !== CASE_PREFIX) {
    throw invalid('caseId', 'must be BO- followed by a valid unified social credit code');
  }
  return `${CASE_PREFIX}${requireUsccParam(value.slice(CASE_PREFIX.length), 'caseId')}`;
}

export function requireStepParam(value: string): BusinessStep {
  if (!isBusinessStep(value)) throw invalid('step', `must be one of ${BusinessSteps.join(', ')}`);
  return value;
}

/** TAX is the tax officer's act, every other step the market clerk's (chaincode steps.ts, StepRoles). */
export function requireStepRole(principal: Principal, step: BusinessStep): void {
  const role = StepRoles[step];
  if (principal.role !== role) {
    throw new ForbiddenError(
      `Step ${step} needs the role ${role}; ${principal.user} has the role ${principal.role}`,
      { details: [{ field: 'step', message: 'role not allowed', required: role, role: principal.role }] },
    );
  }
}
