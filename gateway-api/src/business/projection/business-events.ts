// The business contract's event payloads (chaincode/README.md, "business contract"), read and checked
// again: the index must never hold what the ledger could not. Extra fields are ignored.

import { type BusinessStep, EventNames, isBusinessStep } from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { payloadObject } from '../../index-db/projection/payload';
import { type JsonObject, PayloadReader } from '../../index-db/projection/payload-reader';

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

/** The step named by `field`; a problem of `reader` when it is not one of the six. */
function step(reader: PayloadReader, source: JsonObject, field: string): BusinessStep {
  const value = reader.string(source, field, '', { pattern: CODE });
  if (isBusinessStep(value)) return value;
  if (value !== '') reader.problems.push(`${field} '${value}' is not a business step`);
  return 'LICENSE'; // a placeholder: done() throws for the problem just recorded
}

export function parseCaseOpened(event: LedgerEvent): CaseOpened {
  const payload = payloadObject(event);
  const read = new PayloadReader();
  return read.done(event, {
    caseId: read.string(payload, 'caseId', '', { pattern: CASE_ID }),
    uscc: read.string(payload, 'uscc', '', { pattern: USCC }),
    name: read.string(payload, 'name', '', { maxChars: 200 }),
    normalisedName: read.string(payload, 'normalisedName', '', { maxChars: 200 }),
    entityType: read.string(payload, 'entityType', '', { pattern: CODE }),
    openedAt: read.string(payload, 'openedAt', '', { pattern: TIMESTAMP }),
  });
}

export function parseStepCompleted(event: LedgerEvent): StepCompleted {
  const payload = payloadObject(event);
  const read = new PayloadReader();
  const by = read.object(payload, 'completedBy');
  const base = {
    caseId: read.string(payload, 'caseId', '', { pattern: CASE_ID }),
    uscc: read.string(payload, 'uscc', '', { pattern: USCC }),
    step: step(read, payload, 'step'),
    completedAt: read.string(payload, 'completedAt', '', { pattern: TIMESTAMP }),
    completedByMsp: read.string(by, 'mspId', 'completedBy.', { maxChars: 64 }),
  };
  if (payload['license'] === undefined) return read.done(event, base);
  const license = read.object(payload, 'license');
  return read.done(event, {
    ...base,
    license: {
      status: read.string(license, 'status', 'license.', { pattern: CODE }),
      establishedAt: read.string(license, 'establishedAt', 'license.', { pattern: TIMESTAMP }),
    },
  });
}

export function parseLicenseStatusChanged(event: LedgerEvent): LicenseStatusChanged {
  const payload = payloadObject(event);
  const read = new PayloadReader();
  return read.done(event, {
    uscc: read.string(payload, 'uscc', '', { pattern: USCC }),
    caseId: read.string(payload, 'caseId', '', { pattern: CASE_ID }),
    status: read.string(payload, 'status', '', { pattern: CODE }),
    reason: read.string(payload, 'reason', '', { maxChars: 2000 }),
    changedAt: read.string(payload, 'changedAt', '', { pattern: TIMESTAMP }),
  });
}
