import { BusinessCaseStep } from './business-case-step.entity';
import { BusinessCase } from './business-case.entity';
import { BusinessLicense } from './business-license.entity';
import { BusinessProjectedTransaction } from './business-projected-tx.entity';

export { BusinessCase, BusinessCaseStep, BusinessLicense, BusinessProjectedTransaction };

/** Append to ENTITIES in src/index-db/database/data-source-options.ts. */
export const BUSINESS_ENTITIES = [
  BusinessCase,
  BusinessCaseStep,
  BusinessLicense,
  BusinessProjectedTransaction,
];
