// The RecordDeedTaxClearance transaction: a tax officer records that deed tax is paid for a coming
// TRANSFER of a unit to named transferees. The public record (TaxMSP key-level policy) holds salted
// hashes; the ID numbers and salts go to DeedTaxShared, which the registry can read to give its clerk
// the salts the TRANSFER must present.

import { type Context } from 'fabric-contract-api';
import { OrgMsps, Roles, requireRole } from '../common/access';
import { toCanonicalJson } from '../common/canonical-json';
import { Collections } from '../common/collections';
import { requireEndorsementBy } from '../common/endorsement';
import { ConflictError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putPrivateRecord, putRecord, requireRecord } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type ClearanceRecord, type PrivateTransferees, parseStoredClearance } from './clearance-record';
import { withoutTxId } from './event-payloads';
import { clearanceKey, transfereesKey, unitKey } from './keys';
import { clearanceNumberArgument, unitNumberArgument } from './lookup-arguments';
import { saltedIdHash } from '../common/personal-data';
import { isObject, parseTransferees, readTransientJson } from './personal-data';
import { parseStoredUnit } from './unit-record';
import { refuseNulCharacters } from '../common/nul-characters';

export async function recordDeedTaxClearance(ctx: Context, requestJson: string): Promise<string> {
  const officer = requireRole(ctx, Roles.TaxOfficer);
  const { unitNumber, clearanceNumber } = parseClearanceRequest(requestJson);
  const transferees = parseTransferees(ctx, readTransientJson(ctx, 'transferees'));
  const unit = await requireRecord(ctx, unitKey(ctx, unitNumber), parseStoredUnit, `unit ${unitNumber}`);
  const key = clearanceKey(ctx, unitNumber, clearanceNumber);
  if ((await getRecord(ctx, key, parseStoredClearance)) !== undefined) {
    throw new ConflictError(
      `deed-tax clearance ${clearanceNumber} is already recorded for unit ${unitNumber}`,
    );
  }
  const record: ClearanceRecord = {
    clearanceNumber,
    unitNumber,
    titleVersion: unit.titleVersion,
    transfereeIdHashes: transferees.map((t) => saltedIdHash(t.salt, t.idNumber)).sort(),
    recordedAt: transactionTime(ctx),
    officer,
    txId: ctx.stub.getTxID(),
  };
  await putRecord(ctx, key, record);
  await requireEndorsementBy(ctx, key, OrgMsps.Tax);
  const shared: PrivateTransferees = { clearanceNumber, unitNumber, transferees };
  await putPrivateRecord(
    ctx,
    Collections.DeedTaxShared,
    transfereesKey(ctx, unitNumber, clearanceNumber),
    shared,
  );
  emitEvent(ctx, EventNames.DeedTaxClearanceRecorded, withoutTxId(record));
  return toCanonicalJson({ clearanceNumber, unitNumber, titleVersion: unit.titleVersion });
}

function parseClearanceRequest(json: string): { unitNumber: string; clearanceNumber: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = undefined;
  }
  refuseNulCharacters(raw, 'request');
  if (!isObject(raw)) {
    throw new ValidationError('the clearance request must be a JSON object', [
      { field: 'request', message: 'must be a JSON object' },
    ]);
  }
  return {
    unitNumber: unitNumberArgument(typeof raw.unitNumber === 'string' ? raw.unitNumber : ''),
    clearanceNumber: clearanceNumberArgument(raw.clearanceNumber),
  };
}
