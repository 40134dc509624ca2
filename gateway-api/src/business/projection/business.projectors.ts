import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { BusinessSteps } from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type Projection, type Projector } from '../../index-db/projection/projector';
import { BusinessCase, BusinessCaseStep, BusinessLicense, BusinessProjectedTransaction } from '../entities';
import { BusinessWorkingCalendar } from '../working-calendar';
import {
  BUSINESS_CASE_OPENED,
  BUSINESS_LICENSE_STATUS_CHANGED,
  BUSINESS_STEP_COMPLETED,
  type CaseOpened,
  type LicenseStatusChanged,
  parseCaseOpened,
  parseLicenseStatusChanged,
  parseStepCompleted,
  type StepCompleted,
} from './business-events';
import { caseOpenedKeys, licenseStatusChangedKeys, stepCompletedKeys } from './business-keys';

/**
 * Records the transaction as projected; false when it already was (a redelivery, which must change
 * nothing). Runs inside the listener's transaction, so the mark and the rows commit together.
 */
async function firstDelivery(manager: EntityManager, event: LedgerEvent): Promise<boolean> {
  const projected = manager.getRepository(BusinessProjectedTransaction);
  if (await projected.existsBy({ txId: event.transactionId })) return false;
  await projected.insert({ txId: event.transactionId, eventName: event.eventName });
  return true;
}

/** BusinessCaseOpened → a business_cases row, OPEN, with its target deadline. */
@Injectable()
export class BusinessCaseOpenedProjector implements Projector {
  readonly eventName = BUSINESS_CASE_OPENED;

  constructor(private readonly calendar: BusinessWorkingCalendar) {}

  prepare(event: LedgerEvent): Projection {
    const opened = parseCaseOpened(event);
    return {
      claim: { keys: caseOpenedKeys(opened) },
      write: (manager) => this.write(manager, event, opened),
    };
  }

  private async write(manager: EntityManager, event: LedgerEvent, opened: CaseOpened): Promise<void> {
    if (!(await firstDelivery(manager, event))) return;
    await manager.insert(BusinessCase, {
      ...opened,
      status: 'OPEN',
      stepsDone: 0,
      completedAt: null,
      targetDeadline: this.calendar.targetDeadline(opened.openedAt) ?? null,
      txId: event.transactionId,
      blockNumber: event.blockNumber,
    });
  }
}

/**
 * BusinessStepCompleted → a business_case_steps row, the case's steps_done, COMPLETED with the latest
 * step time once all six are in (as the chaincode derives it), and the licence at the LICENSE step.
 * The step is the claim's subject: the trust rule of a TAX step (a tax officer, endorsed by the tax
 * bureau and market regulation) is not a LICENSE step's.
 */
@Injectable()
export class BusinessStepCompletedProjector implements Projector {
  readonly eventName = BUSINESS_STEP_COMPLETED;

  prepare(event: LedgerEvent): Projection {
    const completed = parseStepCompleted(event);
    return {
      claim: { keys: stepCompletedKeys(completed), subject: completed.step },
      write: (manager) => writeStep(manager, event, completed),
    };
  }
}

async function writeStep(
  manager: EntityManager,
  event: LedgerEvent,
  completed: StepCompleted,
): Promise<void> {
  if (!(await firstDelivery(manager, event))) return;
  await manager.insert(BusinessCaseStep, {
    caseId: completed.caseId,
    step: completed.step,
    completedAt: completed.completedAt,
    completedByMsp: completed.completedBy.mspId,
    txId: event.transactionId,
  });
  const steps = await manager.find(BusinessCaseStep, { where: { caseId: completed.caseId } });
  const allDone = steps.length >= BusinessSteps.length;
  await manager.update(BusinessCase, completed.caseId, {
    stepsDone: steps.length,
    status: allDone ? 'COMPLETED' : 'OPEN',
    completedAt: allDone
      ? (steps
          .map((step) => step.completedAt)
          .sort()
          .at(-1) ?? null)
      : null,
  });
  if (completed.license !== undefined) {
    await manager.upsert(
      BusinessLicense,
      {
        uscc: completed.uscc,
        caseId: completed.caseId,
        status: completed.license.status,
        establishedAt: completed.license.establishedAt,
        statusChangedAt: null,
        statusReason: null,
      },
      ['uscc'],
    );
  }
}

/** BusinessLicenseStatusChanged → the licence's status (CANCELLED / REVOKED), time and reason. */
@Injectable()
export class BusinessLicenseStatusChangedProjector implements Projector {
  readonly eventName = BUSINESS_LICENSE_STATUS_CHANGED;

  prepare(event: LedgerEvent): Projection {
    const changed = parseLicenseStatusChanged(event);
    return {
      claim: { keys: licenseStatusChangedKeys(changed) },
      write: (manager) => writeStatus(manager, event, changed),
    };
  }
}

async function writeStatus(
  manager: EntityManager,
  event: LedgerEvent,
  changed: LicenseStatusChanged,
): Promise<void> {
  if (!(await firstDelivery(manager, event))) return;
  await manager.update(BusinessLicense, changed.uscc, {
    status: changed.status,
    statusChangedAt: changed.changedAt,
    statusReason: changed.reason,
  });
}

/** Add to `IndexModule.register({ projectors })`; they need BusinessCalendarModule in `imports`. */
export const BUSINESS_PROJECTORS = [
  BusinessCaseOpenedProjector,
  BusinessStepCompletedProjector,
  BusinessLicenseStatusChangedProjector,
];
