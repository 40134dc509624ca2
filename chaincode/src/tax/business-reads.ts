// What the tax chaincode reads from the business definition for a case's TAX step, within its own
// transaction: the case as opened (business:GetCaseRecord) and the licence (business:GetLicense).
// Not business:GetCase: it reads the TAX step back from tax, and Fabric refuses a transaction that
// enters a chaincode twice.

import { type Context } from 'fabric-contract-api';
import { findInContract, readFromContract } from '../common/cross-chaincode';
import { ContractNames } from '../common/definitions';
import { LicenseRecord } from '../business/license-record';
import { storedObject, storedString } from '../business/stored';
import { Transactions } from '../common/transactions';

/** The case fields the TAX step and its event need. */
export interface OpenedCase {
  readonly caseId: string;
  readonly uscc: string;
  readonly name: string;
  readonly openedAt: string;
}

/** The case; the business definition's NOT_FOUND for an unknown case propagates. */
export async function caseFromBusiness(ctx: Context, caseId: string): Promise<OpenedCase> {
  return readFromContract(
    ctx,
    { contract: ContractNames.Business, fn: Transactions.business.GetCaseRecord, args: [caseId] },
    (raw) => {
      const object = storedObject(raw, 'business case');
      return {
        caseId: storedString(object, 'caseId', 'business case'),
        uscc: storedString(object, 'uscc', 'business case'),
        name: storedString(object, 'name', 'business case'),
        openedAt: storedString(object, 'openedAt', 'business case'),
      };
    },
  );
}

/** The enterprise's licence, or undefined while the LICENSE step is not completed. */
export async function licenseFromBusiness(ctx: Context, uscc: string): Promise<LicenseRecord | undefined> {
  return findInContract(
    ctx,
    { contract: ContractNames.Business, fn: Transactions.business.GetLicense, args: [uscc] },
    (raw) => LicenseRecord.fromStored(raw),
  );
}
