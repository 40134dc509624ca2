// Key layout of the tax definition (namespace `tax`; composite keys, one namespace per record type).
// The record types keep the names they had when the registry's and the business chaincode held them,
// so the keys are the same strings; RecordTypeHome (common/definitions.ts) says they live here now.
//
//   realestate.clearance    [unitNumber, clearanceNumber]   public         ClearanceRecord (deed-tax clearance)
//   realestate.transferees  [unitNumber, clearanceNumber]   deedTaxShared  the transferees' IDs and salts
//   business.taxStep        [caseId]                        public         StepRecord of a case's TAX step
//
// Only TaxMSP's peer endorses writes to this namespace (its chaincode-level policy), so no key needs a
// key-level policy of its own.

import { type Context } from 'fabric-contract-api';
import { RecordTypes, recordKey } from '../common/ledger';

export function clearanceKey(ctx: Context, unitNumber: string, clearanceNumber: string): string {
  return recordKey(ctx, RecordTypes.DeedTaxClearance, unitNumber, clearanceNumber);
}

export function transfereesKey(ctx: Context, unitNumber: string, clearanceNumber: string): string {
  return recordKey(ctx, RecordTypes.DeedTaxTransferees, unitNumber, clearanceNumber);
}

export function taxStepKey(ctx: Context, caseId: string): string {
  return recordKey(ctx, RecordTypes.BusinessTaxStep, caseId);
}
