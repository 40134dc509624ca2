// AuditUnitTransfers: the tax bureau's check, after the fact, that every TRANSFER of a unit the
// registry recorded was covered by a deed-tax clearance of its own. The registry's chaincode enforces
// the clearance at TRANSFER, but only RegistryMSP endorses a TRANSFER (its transient data carries the
// holders' personal data, which must not reach the tax peer), so this audit is how the tax bureau
// sees whether the registry's peer really did: it reads the unit's acts from the registry's
// definition and each named clearance from its own namespace.
//
// Verdict per TRANSFER, the first that applies:
//   MISSING           no clearance number, or none recorded under that number for this unit;
//   REUSED            another TRANSFER of the unit names the same clearance;
//   WRONG_GENERATION  the clearance's titleVersion is not the unit's titleVersion before the transfer;
//   OK.
// The unit's titleVersion is 1 after FIRST and grows by one with each TRANSFER (realestate/acts.ts),
// so before the n-th TRANSFER of the unit it is n.

import { type Context } from 'fabric-contract-api';
import { type SubmitterIdentity } from '../common/access';
import { getRecord } from '../common/ledger';
import { type ClearanceRecord, parseStoredClearance } from '../realestate/clearance-record';
import { isObject } from '../realestate/personal-data';
import { type RegistrationRecord } from '../realestate/registration-record';
import { clearanceKey } from './keys';
import { unitHistoryFromRegistry } from './registry-reads';

export const TransferVerdicts = ['OK', 'MISSING', 'REUSED', 'WRONG_GENERATION'] as const;
export type TransferVerdict = (typeof TransferVerdicts)[number];

export interface AuditedTransfer {
  readonly registrationId: string;
  readonly sequence: number;
  readonly txId: string;
  readonly registeredAt: string;
  readonly clerk: SubmitterIdentity;
  /** The clearance number the TRANSFER names, or null when it names none. */
  readonly clearanceNumber: string | null;
  /** The unit's ownership generation the clearance had to be recorded for. */
  readonly titleVersionBefore: number;
  /** The recorded clearance's generation, or null when none is recorded. */
  readonly clearanceTitleVersion: number | null;
  readonly verdict: TransferVerdict;
  /** Registration ids of the other TRANSFERs of the unit that name the same clearance. */
  readonly alsoNamedBy: readonly string[];
}

export interface UnitTransferAudit {
  readonly unitNumber: string;
  readonly transfers: readonly AuditedTransfer[];
  /** How many transfers are not OK. */
  readonly irregular: number;
}

export async function auditUnitTransfers(ctx: Context, unitNumber: string): Promise<UnitTransferAudit> {
  const history = await unitHistoryFromRegistry(ctx, unitNumber);
  const transfers = history.filter((registration) => registration.type === 'TRANSFER');
  const clearances = new Map<string, ClearanceRecord | undefined>();
  for (const number of transfers.map(clearanceNumberOf)) {
    if (number !== null && !clearances.has(number)) {
      clearances.set(
        number,
        await getRecord(ctx, clearanceKey(ctx, unitNumber, number), parseStoredClearance),
      );
    }
  }
  const audited = judgeTransfers(transfers, clearances);
  return {
    unitNumber,
    transfers: audited,
    irregular: audited.filter((transfer) => transfer.verdict !== 'OK').length,
  };
}

/** Pure: the verdicts for the unit's TRANSFERs (in act order) and the clearances they name. */
export function judgeTransfers(
  transfers: readonly RegistrationRecord[],
  clearances: ReadonlyMap<string, ClearanceRecord | undefined>,
): AuditedTransfer[] {
  return transfers.map((transfer, index) => {
    const clearanceNumber = clearanceNumberOf(transfer);
    const clearance = clearanceNumber === null ? undefined : clearances.get(clearanceNumber);
    const titleVersionBefore = index + 1;
    const alsoNamedBy = transfers
      .filter(
        (other) =>
          other !== transfer && clearanceNumber !== null && clearanceNumberOf(other) === clearanceNumber,
      )
      .map((other) => other.registrationId);
    const verdict: TransferVerdict =
      clearance === undefined
        ? 'MISSING'
        : alsoNamedBy.length > 0
          ? 'REUSED'
          : clearance.titleVersion !== titleVersionBefore
            ? 'WRONG_GENERATION'
            : 'OK';
    return {
      registrationId: transfer.registrationId,
      sequence: transfer.sequence,
      txId: transfer.txId,
      registeredAt: transfer.registeredAt,
      clerk: transfer.clerk,
      clearanceNumber,
      titleVersionBefore,
      clearanceTitleVersion: clearance?.titleVersion ?? null,
      verdict,
      alsoNamedBy,
    };
  });
}

function clearanceNumberOf(transfer: RegistrationRecord): string | null {
  // read defensively: the registry's answer is another department's data
  const details: unknown = transfer.details;
  const number = isObject(details) ? details.deedTaxClearanceNumber : undefined;
  return typeof number === 'string' && number !== '' ? number : null;
}
