// DeedTaxContract ('deedtax', definition `tax`): the tax bureau's deed-tax clearances (契税完税) for
// coming transfers of real estate, and its audit of the transfers the registry recorded. Only
// TaxMSP's peer endorses writes to the tax namespace, so only the tax bureau can create or change a
// clearance; the registry reads them (realestate Register TRANSFER calls GetDeedTaxClearance).
//
// Personal data never enters the arguments: the transferees come as transient `transferees`
// (realestate/personal-data.ts) and are stored in DeedTaxShared; the public record holds salted hashes.

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import { type AnswerOf, fitsShape } from '../common/answer-shape';
import {
  ClearanceRecordAnswer,
  ClearanceTransfereesAnswer,
  DeedTaxClearanceAnswer,
  UnitTransferAuditAnswer,
} from './answers';
import { Roles, requireMember, requireRole } from '../common/access';
import { Collections } from '../common/collections';
import { ContractNames } from '../common/definitions';
import { getPrivateRecord, getRecord, requireRecord } from '../common/ledger';
import {
  clearanceNotRecorded,
  clearanceTransfereesNotYetHere,
  parseStoredClearance,
} from '../realestate/clearance-record';
import { clearanceNumberArgument, unitNumberArgument } from '../realestate/lookup-arguments';
import { recordDeedTaxClearance } from './deed-tax-clearance';
import { clearanceKey, transfereesKey } from './keys';
import { auditUnitTransfers } from './unit-transfer-audit';

@Info({
  title: 'DeedTaxContract',
  description: 'Deed-tax clearances for real-estate transfers, and their audit',
})
export class DeedTaxContract extends Contract {
  constructor() {
    super(ContractNames.DeedTax);
  }

  /**
   * The tax bureau records that deed tax is paid for a coming TRANSFER of `unitNumber` to the
   * transferees in transient `transferees` (JSON [{ idNumber, salt }]). `requestJson`:
   * { unitNumber, clearanceNumber, taxPaidFen } (the deed tax paid, whole fen as a string). Bound to the
   * unit's current ownership generation, read from the registry (realestate:GetUnit; an unknown unit is
   * its NOT_FOUND). Emits DeedTaxClearanceRecorded.
   */
  @Transaction()
  @Returns(answerType(DeedTaxClearanceAnswer))
  async RecordDeedTaxClearance(
    ctx: Context,
    requestJson: string,
  ): Promise<AnswerJson<typeof DeedTaxClearanceAnswer>> {
    return recordDeedTaxClearance(ctx, requestJson);
  }

  /** The public deed-tax clearance (hashes only); NOT_FOUND when none is recorded for the unit. */
  @Transaction(false)
  @Returns(answerType(ClearanceRecordAnswer))
  async GetDeedTaxClearance(
    ctx: Context,
    unitNumber: string,
    clearanceNumber: string,
  ): Promise<AnswerJson<typeof ClearanceRecordAnswer>> {
    requireMember(ctx);
    const key = clearanceKey(ctx, unitNumberArgument(unitNumber), clearanceNumberArgument(clearanceNumber));
    return answerJson(
      ClearanceRecordAnswer,
      await requireRecord(ctx, key, parseStoredClearance, `deed-tax clearance ${clearanceNumber}`),
    );
  }

  /**
   * EVALUATE ONLY, on a peer of the tax bureau or the registry (DeedTaxShared): the transferees' IDs
   * and the salts the registry clerk must send back as `clearanceSalt` in the TRANSFER's transient
   * holders. It is the first step of a TRANSFER, so a clearance never recorded for the unit is that
   * TRANSFER's missing precondition: RULE_VIOLATION, as Register itself answers. A recorded clearance
   * whose private list is not here yet: UNAVAILABLE.
   */
  @Transaction(false)
  @Returns(answerType(ClearanceTransfereesAnswer))
  async GetDeedTaxClearanceTransferees(
    ctx: Context,
    unitNumber: string,
    clearanceNumber: string,
  ): Promise<AnswerJson<typeof ClearanceTransfereesAnswer>> {
    requireRole(ctx, Roles.RegistryClerk, Roles.TaxOfficer);
    const canonical = unitNumberArgument(unitNumber);
    const number = clearanceNumberArgument(clearanceNumber);
    const record = await getPrivateRecord(
      ctx,
      Collections.DeedTaxShared,
      transfereesKey(ctx, canonical, number),
      storedTransferees,
    );
    if (record === undefined) {
      const recorded = await getRecord(ctx, clearanceKey(ctx, canonical, number), parseStoredClearance);
      throw recorded === undefined
        ? clearanceNotRecorded(canonical, number)
        : clearanceTransfereesNotYetHere(canonical, number);
    }
    return answerJson(ClearanceTransfereesAnswer, record);
  }

  /**
   * tax_officer: every TRANSFER of the unit the registry recorded (realestate:GetUnitHistory), each
   * with the clearance it names and a verdict OK | MISSING | REUSED | WRONG_GENERATION
   * (unit-transfer-audit.ts). Returns `{ unitNumber, transfers: [...], irregular }`.
   */
  @Transaction(false)
  @Returns(answerType(UnitTransferAuditAnswer))
  async AuditUnitTransfers(
    ctx: Context,
    unitNumber: string,
  ): Promise<AnswerJson<typeof UnitTransferAuditAnswer>> {
    requireRole(ctx, Roles.TaxOfficer);
    return answerJson(UnitTransferAuditAnswer, await auditUnitTransfers(ctx, unitNumberArgument(unitNumber)));
  }
}

/** The private transferee list as RecordDeedTaxClearance stored it: exactly what the answer is. */
function storedTransferees(raw: unknown): AnswerOf<typeof ClearanceTransfereesAnswer> {
  if (!fitsShape(raw, ClearanceTransfereesAnswer)) {
    throw new Error(
      'the stored deed-tax clearance transferees are not { clearanceNumber, unitNumber, transferees }',
    );
  }
  return raw;
}
