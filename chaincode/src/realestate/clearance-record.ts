// A deed-tax clearance (契税完税) recorded by a tax officer before a TRANSFER. The public record holds
// only salted hashes of the transferees' ID numbers; the ID numbers and salts live in the DeedTaxShared
// collection (tax bureau and registry). It is bound to the unit's ownership generation (titleVersion)
// when recorded, so it clears exactly one transfer and cannot be reused after it — without the TRANSFER
// having to write this TaxMSP-endorsed key.

import { type SubmitterIdentity } from '../common/access';
import { RuleViolationError, UnavailableError } from '../common/errors';
import { storedObject } from './stored';

export const CLEARANCE_NUMBER_PATTERN = /^[A-Za-z0-9-]{4,40}$/;

export interface ClearanceRecord {
  readonly clearanceNumber: string;
  readonly unitNumber: string;
  /** The unit's titleVersion when recorded; the TRANSFER must find the same. */
  readonly titleVersion: number;
  /** hex SHA-256(salt + ':' + ID number) per transferee, sorted. */
  readonly transfereeIdHashes: readonly string[];
  /** Deed tax paid, whole fen as a decimal string; null in clearances recorded before it was kept. */
  readonly taxPaidFen: string | null;
  readonly recordedAt: string;
  readonly officer: SubmitterIdentity;
  readonly txId: string;
}

export interface PrivateTransferees {
  readonly clearanceNumber: string;
  readonly unitNumber: string;
  readonly transferees: readonly { readonly idNumber: string; readonly salt: string }[];
}

export function parseStoredClearance(raw: unknown): ClearanceRecord {
  const record = storedObject(raw, 'deed-tax clearance', ['clearanceNumber', 'unitNumber', 'recordedAt']);
  if (typeof record.titleVersion !== 'number' || !Array.isArray(record.transfereeIdHashes)) {
    throw new Error('stored deed-tax clearance lacks titleVersion or transfereeIdHashes');
  }
  const taxPaidFen = typeof record.taxPaidFen === 'string' ? record.taxPaidFen : null;
  return { ...record, taxPaidFen } as unknown as ClearanceRecord;
}

/**
 * A TRANSFER naming a clearance the tax bureau never recorded for this unit. The registration is a
 * valid request missing its precondition, so it is a rule violation (422), not a missing record
 * (404); the same words whether the clerk's preparing read or Register itself finds it missing.
 * `deedTaxClearanceNumber` is the TRANSFER's field (API.md), the tax receipt number.
 */
export function clearanceNotRecorded(unitNumber: string, clearanceNumber: string): RuleViolationError {
  return new RuleViolationError(
    `No deed-tax clearance with receipt number ${clearanceNumber} is recorded for unit ${unitNumber}; ` +
      'the tax bureau must record it before the transfer',
    [
      {
        field: 'deedTaxClearanceNumber',
        message: 'no deed-tax clearance with this receipt number is recorded for the unit',
      },
    ],
  );
}

/**
 * The public clearance is committed but its private transferee list has not reached this peer yet
 * (dissemination or reconciliation still under way): asking again shortly succeeds.
 */
export function clearanceTransfereesNotYetHere(
  unitNumber: string,
  clearanceNumber: string,
): UnavailableError {
  return new UnavailableError(
    `The deed-tax clearance with receipt number ${clearanceNumber} for unit ${unitNumber} is recorded, ` +
      "but its transferee list has not reached this department's copy of the ledger yet; try again in a minute",
  );
}
