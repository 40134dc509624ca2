// The RecordDeedTaxClearance transaction: a tax officer records that deed tax is paid for a coming
// TRANSFER of a unit to named transferees. The public record holds salted hashes; the ID numbers and
// salts go to DeedTaxShared, which the registry can read to give its clerk the salts the TRANSFER must
// present. The unit, and so its ownership generation (titleVersion), is read from the registry's
// definition (realestate:GetUnit) within this transaction. The deed tax paid is a public fact of the
// clearance (an amount, no personal data) and goes into the record and its event, so the tax bureau's
// index can list and total its clearances.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { DeedTaxClearanceAnswer } from './answers';
import { Collections } from '../common/collections';
import { ConflictError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { refuseNulCharacters } from '../common/nul-characters';
import { saltedIdHash } from '../common/personal-data';
import { getRecord, putPrivateRecord, putRecord } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import {
  type ClearanceRecord,
  type PrivateTransferees,
  parseStoredClearance,
} from '../realestate/clearance-record';
import { withoutTxId } from '../realestate/event-payloads';
import { clearanceNumberArgument, unitNumberArgument } from '../realestate/lookup-arguments';
import { isObject, parseTransferees, readTransientJson } from '../realestate/personal-data';
import { clearanceKey, transfereesKey } from './keys';
import { MAX_TAX_PAID_FEN, TAX_PAID_FEN_PATTERN } from './tax-paid';
import { unitFromRegistry } from './registry-reads';

export async function recordDeedTaxClearance(
  ctx: Context,
  requestJson: string,
): Promise<AnswerJson<typeof DeedTaxClearanceAnswer>> {
  const officer = requireRole(ctx, Roles.TaxOfficer);
  const { unitNumber, clearanceNumber, taxPaidFen } = parseClearanceRequest(requestJson);
  const transferees = parseTransferees(ctx, readTransientJson(ctx, 'transferees'));
  const unit = await unitFromRegistry(ctx, unitNumber);
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
    taxPaidFen,
    recordedAt: transactionTime(ctx),
    officer,
    txId: ctx.stub.getTxID(),
  };
  await putRecord(ctx, key, record);
  const shared: PrivateTransferees = { clearanceNumber, unitNumber, transferees };
  await putPrivateRecord(
    ctx,
    Collections.DeedTaxShared,
    transfereesKey(ctx, unitNumber, clearanceNumber),
    shared,
  );
  emitEvent(ctx, EventNames.DeedTaxClearanceRecorded, withoutTxId(record));
  return answerJson(DeedTaxClearanceAnswer, { clearanceNumber, unitNumber, titleVersion: unit.titleVersion });
}

interface ClearanceRequest {
  readonly unitNumber: string;
  readonly clearanceNumber: string;
  readonly taxPaidFen: string;
}

function parseClearanceRequest(json: string): ClearanceRequest {
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
  const unitNumber = unitNumberArgument(typeof raw.unitNumber === 'string' ? raw.unitNumber : '');
  const clearanceNumber = clearanceNumberArgument(raw.clearanceNumber);
  const { taxPaidFen } = raw;
  if (typeof taxPaidFen !== 'string' || !TAX_PAID_FEN_PATTERN.test(taxPaidFen)) {
    throw new ValidationError('invalid deed-tax clearance request', [
      {
        field: 'taxPaidFen',
        message: `must be the deed tax paid in whole fen, as a string (1 to ${MAX_TAX_PAID_FEN})`,
      },
    ]);
  }
  return { unitNumber, clearanceNumber, taxPaidFen };
}
