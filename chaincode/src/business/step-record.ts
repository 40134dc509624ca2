// One completed step of a case (key business.step/<caseId>/<step> in the business definition; the TAX
// step under business.taxStep/<caseId> in the tax definition). Written once; its existence is the
// step's "done" status.

import { Object as DataType, Property } from 'fabric-contract-api';
import { type Actor, storedActor } from './actor';
import { type BusinessStep, BusinessSteps } from './steps';
import { storedObject, storedOneOf, storedString } from './stored';

const WHAT = 'business step';

/** Longest completion reference a step records (characters). */
export const REFERENCE_MAX_CHARS = 100;

export interface StepRecordFields {
  readonly caseId: string;
  readonly step: BusinessStep;
  /** The responsible department's completion reference (seal filing no., tax registration no. …). */
  readonly reference: string;
  readonly completedAt: string;
  readonly completedBy: Actor;
}

@DataType()
export class StepRecord implements StepRecordFields {
  @Property() readonly caseId: string;
  @Property() readonly step: BusinessStep;
  @Property() readonly reference: string;
  @Property() readonly completedAt: string;
  readonly completedBy: Actor;

  private constructor(fields: StepRecordFields) {
    this.caseId = fields.caseId;
    this.step = fields.step;
    this.reference = fields.reference;
    this.completedAt = fields.completedAt;
    this.completedBy = fields.completedBy;
  }

  static create(fields: StepRecordFields): StepRecord {
    return new StepRecord(fields);
  }

  static fromStored(raw: unknown): StepRecord {
    const object = storedObject(raw, WHAT);
    return new StepRecord({
      caseId: storedString(object, 'caseId', WHAT),
      step: storedOneOf(object, 'step', BusinessSteps, WHAT),
      reference: storedString(object, 'reference', WHAT),
      completedAt: storedString(object, 'completedAt', WHAT),
      completedBy: storedActor(object, 'completedBy', WHAT),
    });
  }
}
