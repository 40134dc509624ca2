// The business contract's event payloads (chaincode/README.md, "business contract"), read and checked
// again: the index must never hold what the ledger could not. Extra fields are ignored.

import { type BusinessStep, isBusinessStep } from '../../../../chaincode/src/business/steps';
import { EventNames } from '../../../../chaincode/src/common/events';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { payloadObject } from '../../index-db/projection/payload';

export const BUSINESS_CASE_OPENED = EventNames.BusinessCaseOpened;
export const BUSINESS_STEP_COMPLETED = EventNames.BusinessStepCompleted;
export const BUSINESS_LICENSE_STATUS_CHANGED = EventNames.BusinessLicenseStatusChanged;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CASE_ID = /^BO-[0-9A-Z]{18}$/;
const USCC = /^[0-9A-Z]{18}$/;
const CODE = /^[A-Z_]{1,32}$/;

export interface CaseOpened {
  readonly caseId: string;
  readonly uscc: string;
  readonly name: string;
  readonly normalisedName: string;
  readonly entityType: string;
  readonly openedAt: string;
}

export interface StepCompleted {
  readonly caseId: string;
  readonly uscc: string;
  /** One of the chaincode's six steps: the step picks the trust rule (who completes and endorses it). */
  readonly step: BusinessStep;
  readonly completedAt: string;
  readonly completedByMsp: string;
  /** Present at the LICENSE step: the licence issued with it. */
  readonly license?: { readonly status: string; readonly establishedAt: string };
}

export interface LicenseStatusChanged {
  readonly uscc: string;
  readonly caseId: string;
  readonly status: string;
  readonly reason: string;
  readonly changedAt: string;
}

/** Collects problems field by field, so one error lists all of them. */
class Reader {
  readonly problems: string[] = [];

  constructor(private readonly object: Record<string, unknown>) {}

  text(field: string, pattern?: RegExp, maxChars = 2000): string {
    const value = this.object[field];
    if (
      typeof value !== 'string' ||
      value === '' ||
      [...value].length > maxChars ||
      !(pattern?.test(value) ?? true)
    ) {
      this.problems.push(`${field} is missing or malformed`);
      return '';
    }
    return value;
  }

  nested(field: string): Reader {
    const value = this.object[field];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(`${field} must be an object`);
      return new Reader({});
    }
    const reader = new Reader(value as Record<string, unknown>);
    return reader;
  }

  step(field: string): BusinessStep {
    const value = this.text(field, CODE);
    if (isBusinessStep(value)) return value;
    if (value !== '') this.problems.push(`${field} '${value}' is not a business step`);
    return 'LICENSE'; // a placeholder: done() throws for the problem just recorded
  }

  has(field: string): boolean {
    return this.object[field] !== undefined;
  }

  done<T>(event: LedgerEvent, value: T, ...others: Reader[]): T {
    const problems = [...this.problems, ...others.flatMap((other) => other.problems)];
    if (problems.length > 0) throw new MalformedEventError(event, problems);
    return value;
  }
}

export function parseCaseOpened(event: LedgerEvent): CaseOpened {
  const read = new Reader(payloadObject(event));
  const value = {
    caseId: read.text('caseId', CASE_ID),
    uscc: read.text('uscc', USCC),
    name: read.text('name', undefined, 200),
    normalisedName: read.text('normalisedName', undefined, 200),
    entityType: read.text('entityType', CODE),
    openedAt: read.text('openedAt', TIMESTAMP),
  };
  return read.done(event, value);
}

export function parseStepCompleted(event: LedgerEvent): StepCompleted {
  const read = new Reader(payloadObject(event));
  const by = read.nested('completedBy');
  const base = {
    caseId: read.text('caseId', CASE_ID),
    uscc: read.text('uscc', USCC),
    step: read.step('step'),
    completedAt: read.text('completedAt', TIMESTAMP),
    completedByMsp: by.text('mspId', undefined, 64),
  };
  if (!read.has('license')) return read.done(event, base, by);
  const license = read.nested('license');
  const value = {
    ...base,
    license: {
      status: license.text('status', CODE),
      establishedAt: license.text('establishedAt', TIMESTAMP),
    },
  };
  return read.done(event, value, by, license);
}

export function parseLicenseStatusChanged(event: LedgerEvent): LicenseStatusChanged {
  const read = new Reader(payloadObject(event));
  const value = {
    uscc: read.text('uscc', USCC),
    caseId: read.text('caseId', CASE_ID),
    status: read.text('status', CODE),
    reason: read.text('reason'),
    changedAt: read.text('changedAt', TIMESTAMP),
  };
  return read.done(event, value);
}
