import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { BusinessSteps } from '../../../../chaincode/src/business/steps';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type Projector } from '../../index-db/projection/projector';
import { BusinessCase, BusinessCaseStep, BusinessLicense, BusinessProjectedTransaction } from '../entities';
import { BusinessWorkingCalendar } from '../working-calendar';
import {
  BUSINESS_CASE_OPENED,
  BUSINESS_LICENSE_STATUS_CHANGED,
  BUSINESS_STEP_COMPLETED,
  parseCaseOpened,
  parseLicenseStatusChanged,
  parseStepCompleted,
} from './business-events';

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

  async project(manager: EntityManager, event: LedgerEvent): Promise<void> {
    const opened = parseCaseOpened(event);
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
 */
@Injectable()
export class BusinessStepCompletedProjector implements Projector {
  readonly eventName = BUSINESS_STEP_COMPLETED;

  async project(manager: EntityManager, event: LedgerEvent): Promise<void> {
    const completed = parseStepCompleted(event);
    if (!(await firstDelivery(manager, event))) return;
    await manager.insert(BusinessCaseStep, {
      caseId: completed.caseId,
      step: completed.step,
      completedAt: completed.completedAt,
      completedByMsp: completed.completedByMsp,
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
}

/** BusinessLicenseStatusChanged → the licence's status (CANCELLED / REVOKED), time and reason. */
@Injectable()
export class BusinessLicenseStatusChangedProjector implements Projector {
  readonly eventName = BUSINESS_LICENSE_STATUS_CHANGED;

  async project(manager: EntityManager, event: LedgerEvent): Promise<void> {
    const changed = parseLicenseStatusChanged(event);
    if (!(await firstDelivery(manager, event))) return;
    await manager.update(BusinessLicense, changed.uscc, {
      status: changed.status,
      statusChangedAt: changed.changedAt,
      statusReason: changed.reason,
    });
  }
}

/** Add to `IndexModule.register({ projectors })`; they need BusinessCalendarModule in `imports`. */
export const BUSINESS_PROJECTORS = [
  BusinessCaseOpenedProjector,
  BusinessStepCompletedProjector,
  BusinessLicenseStatusChangedProjector,
];
