// The business contracts' event payloads (chaincode/src/business/event-payloads.ts), decoded by the
// index's one decoder with the chaincode's formats checked again: the index must never hold what the
// ledger could not. Extra fields are ignored.

import {
  type BusinessStep,
  type EventPayload,
  EventNames,
  isBusinessStep,
} from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { eventPayload } from '../../index-db/projection/event-payload';

export const BUSINESS_CASE_OPENED = EventNames.BusinessCaseOpened;
export const BUSINESS_STEP_COMPLETED = EventNames.BusinessStepCompleted;
export const BUSINESS_LICENSE_STATUS_CHANGED = EventNames.BusinessLicenseStatusChanged;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CASE_ID = /^BO-[0-9A-Z]{18}$/;
const USCC = /^[0-9A-Z]{18}$/;
const CODE = /^[A-Z_]{1,32}$/;

export type CaseOpened = EventPayload<typeof BUSINESS_CASE_OPENED>;
export type LicenseStatusChanged = EventPayload<typeof BUSINESS_LICENSE_STATUS_CHANGED>;
/** The step is one of the chaincode's six: it picks the trust rule (who completes and endorses it). */
export type StepCompleted = EventPayload<typeof BUSINESS_STEP_COMPLETED> & { readonly step: BusinessStep };

/** A rule: `field` must match `pattern`. */
const matches =
  (field: string, pattern: RegExp) =>
  (value: string): string | undefined =>
    pattern.test(value) ? undefined : `${field} is malformed`;

/** A rule: `field` is a non-empty string of at most `max` characters (code points). */
const text =
  (field: string, max: number) =>
  (value: string): string | undefined =>
    value !== '' && [...value].length <= max ? undefined : `${field} must be 1 to ${max} characters`;

export function parseCaseOpened(event: LedgerEvent): CaseOpened {
  return eventPayload(event, BUSINESS_CASE_OPENED, {
    caseId: matches('caseId', CASE_ID),
    uscc: matches('uscc', USCC),
    name: text('name', 200),
    normalisedName: text('normalisedName', 200),
    entityType: matches('entityType', CODE),
    openedAt: matches('openedAt', TIMESTAMP),
  });
}

export function parseStepCompleted(event: LedgerEvent): StepCompleted {
  const completed = eventPayload(event, BUSINESS_STEP_COMPLETED, {
    caseId: matches('caseId', CASE_ID),
    uscc: matches('uscc', USCC),
    step: (step) => (isBusinessStep(step) ? undefined : `step '${step}' is not a business step`),
    completedAt: matches('completedAt', TIMESTAMP),
    completedBy: (by) => text('completedBy.mspId', 64)(by.mspId),
    license: (license) =>
      matches('license.status', CODE)(license.status) ??
      matches('license.establishedAt', TIMESTAMP)(license.establishedAt),
  });
  // the rule on `step` has just held
  return completed as StepCompleted;
}

export function parseLicenseStatusChanged(event: LedgerEvent): LicenseStatusChanged {
  return eventPayload(event, BUSINESS_LICENSE_STATUS_CHANGED, {
    uscc: matches('uscc', USCC),
    caseId: matches('caseId', CASE_ID),
    status: matches('status', CODE),
    reason: text('reason', 2000),
    changedAt: matches('changedAt', TIMESTAMP),
  });
}
