// CorrectLoadWeight: a person corrects a load's weighing (a device misread, a tare forgotten). The
// correction is a separate record with who, when and why; the device's weighing stays as it was, so
// the ledger shows both and nobody can quietly overwrite what a truck reported.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { EventNames, emitEvent } from '../common/events';
import { putRecord } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { LOAD_ID_PATTERN, LOAD_ID_RULE, MAX_LOAD_WEIGHT_GRAMS } from './domain';
import { FieldReader, parseJsonObjectArgument } from './input';
import { loadCorrectionKey } from './keys';
import { StoredReader } from './stored';

export interface LoadCorrection {
  /** The correcting transaction's id. */
  readonly correctionId: string;
  readonly loadId: string;
  /** The weighing as the load recorded it (the device's or the hauler's). */
  readonly originalWeightGrams: number;
  readonly correctedWeightGrams: number;
  readonly reason: string;
  readonly correctedAt: string;
  /** The MSP and certificate id of the person who corrected it. */
  readonly correctedBy: string;
  readonly correctedById: string;
  readonly correctedByRole: string;
}

/** 1 to 200 characters, not only spaces: the reason is read by an inspector later. */
const REASON_PATTERN = /^(?=[\s\S]*\S)[\s\S]{1,200}$/;
const REASON_RULE = 'must be 1 to 200 characters saying why the weighing was wrong';

export function parseCorrectionInput(json: string): {
  loadId: string;
  correctedWeightGrams: number;
  reason: string;
} {
  const reader = new FieldReader(parseJsonObjectArgument(json, 'correction'));
  const input = {
    loadId: reader.string('loadId', LOAD_ID_PATTERN, LOAD_ID_RULE),
    correctedWeightGrams: reader.integer('correctedWeightGrams', 1, MAX_LOAD_WEIGHT_GRAMS),
    reason: reader.string('reason', REASON_PATTERN, REASON_RULE),
  };
  reader.throwIfInvalid('correction');
  return input;
}

export async function recordLoadCorrection(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  input: { loadId: string; correctedWeightGrams: number; reason: string },
  originalWeightGrams: number,
): Promise<LoadCorrection> {
  const correction: LoadCorrection = {
    correctionId: ctx.stub.getTxID(),
    loadId: input.loadId,
    originalWeightGrams,
    correctedWeightGrams: input.correctedWeightGrams,
    reason: input.reason,
    correctedAt: transactionTime(ctx),
    correctedBy: submitter.mspId,
    correctedById: submitter.id,
    correctedByRole: submitter.role,
  };
  await putRecord(ctx, loadCorrectionKey(ctx, input.loadId, correction.correctionId), correction);
  emitEvent(ctx, EventNames.WasteLoadWeightCorrected, { ...correction, txId: correction.correctionId });
  return correction;
}

export function parseStoredCorrection(raw: unknown): LoadCorrection {
  const reader = new StoredReader(raw, 'waste load correction');
  return {
    correctionId: reader.string('correctionId'),
    loadId: reader.string('loadId'),
    originalWeightGrams: reader.integer('originalWeightGrams'),
    correctedWeightGrams: reader.integer('correctedWeightGrams'),
    reason: reader.string('reason'),
    correctedAt: reader.string('correctedAt'),
    correctedBy: reader.string('correctedBy'),
    correctedById: reader.string('correctedById'),
    correctedByRole: reader.string('correctedByRole'),
  };
}
