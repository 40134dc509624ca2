// What the tax chaincode reads from the registry's definition (realestate), within its own
// transaction: the unit (its ownership generation, titleVersion) and the unit's acts. The answers are
// the registry's public query answers, read through invokeChaincode so the reads join this
// transaction's read set; the registry's errors come back as they are (NOT_FOUND for an unknown unit).

import { type Context } from 'fabric-contract-api';
import { readFromContract } from '../common/cross-chaincode';
import { ContractNames } from '../common/definitions';
import { type RegistrationRecord, parseStoredRegistration } from '../realestate/registration-record';
import { storedObject } from '../realestate/stored';
import { type UnitRecord, parseStoredUnit } from '../realestate/unit-record';
import { Transactions } from '../common/transactions';

/** realestate:GetUnit: the unit record (plus its certificates, which the tax bureau does not use). */
export async function unitFromRegistry(ctx: Context, unitNumber: string): Promise<UnitRecord> {
  return readFromContract(
    ctx,
    { contract: ContractNames.RealEstate, fn: Transactions.realestate.GetUnit, args: [unitNumber] },
    parseStoredUnit,
  );
}

/** realestate:GetUnitHistory: every act on the unit, in act order. */
export async function unitHistoryFromRegistry(
  ctx: Context,
  unitNumber: string,
): Promise<readonly RegistrationRecord[]> {
  return readFromContract(
    ctx,
    { contract: ContractNames.RealEstate, fn: Transactions.realestate.GetUnitHistory, args: [unitNumber] },
    (raw) => {
      const history = storedObject(raw, 'unit history', ['unitNumber']);
      if (!Array.isArray(history.registrations)) {
        throw new Error('the unit history lacks its registrations');
      }
      return (history.registrations as unknown[]).map(parseStoredRegistration);
    },
  );
}
