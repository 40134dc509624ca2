// CommissionBags: issues a contiguous serial range of bag barcodes to one household. The household
// reference is personal data: it arrives as transient data with a client-chosen salt, is stored in
// the urbanPrivate collection only, and the public bags carry SHA-256(salt + reference).

import { createHash } from 'node:crypto';
import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { Collections } from '../common/collections';
import { ConflictError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { type BagCategoryCode, MAX_BAG_SERIAL, makeBagBarcode } from '../common/identifiers';
import {
  prefetchRecords,
  putPrivateRecord,
  putRecord,
  recordExists,
  withBatchedWrites,
} from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { WasteBag } from './bag';
import { CategoryCodes, DISTRICT_CODE_PATTERN, DISTRICT_CODE_RULE, MAX_BATCH_ITEMS } from './domain';
import { FieldReader, parseJsonObjectArgument } from './input';
import { bagKey, householdKey } from './keys';
import { type AnswerValue } from '../common/answer-shape';
import { type CommissionAnswer } from './answers';

/** Transient field names of CommissionBags. */
export const HouseholdTransient = { Reference: 'householdRef', Salt: 'householdSalt' } as const;

const REFERENCE_MAX_CHARS = 200;
const SALT_PATTERN = /^[\x21-\x7e]{16,128}$/;

export type CommissionResult = AnswerValue<typeof CommissionAnswer>;

interface BatchInput {
  readonly districtCode: string;
  readonly category: BagCategoryCode;
  readonly firstSerial: number;
  readonly count: number;
}

export async function commissionBags(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  batchJson: string,
): Promise<CommissionResult> {
  const input = parseBatch(batchJson);
  const household = readHousehold(ctx);
  const barcodes = Array.from({ length: input.count }, (_unused, offset) =>
    makeBagBarcode(input.districtCode, input.category, input.firstSerial + offset),
  );
  await refuseCommissioned(ctx, barcodes);

  const batchId = barcodes[0] ?? '';
  const householdHash = sha256Hex(`${household.salt}${household.reference}`);
  const commissionedAt = transactionTime(ctx);
  const txId = ctx.stub.getTxID();
  await withBatchedWrites(ctx, async () => {
    for (const [offset, barcode] of barcodes.entries()) {
      const bag = WasteBag.create({
        barcode,
        districtCode: input.districtCode,
        category: input.category,
        serial: input.firstSerial + offset,
        batchId,
        householdHash,
        commissionedAt,
        commissionedBy: submitter.mspId,
        txId,
      });
      await putRecord(ctx, bagKey(ctx, barcode), bag);
    }
  });
  await putPrivateRecord(ctx, Collections.UrbanPrivate, householdKey(ctx, batchId), {
    batchId,
    householdRef: household.reference,
    salt: household.salt,
    ...input,
  });
  emitEvent(ctx, EventNames.WasteBagsCommissioned, {
    batchId,
    barcodes,
    ...input,
    householdHash,
    commissionedAt,
    commissionedBy: submitter.mspId,
    txId,
  });
  return { batchId, barcodes };
}

function parseBatch(json: string): BatchInput {
  const source = parseJsonObjectArgument(json, 'bag batch');
  const reader = new FieldReader(source);
  if (source.householdRef !== undefined || source.householdSalt !== undefined) {
    // It would already be in the proposal, but refusing keeps it out of blocks and teaches the client.
    reader.problem('householdRef', 'must be sent as transient data, never in the public arguments');
  }
  const districtCode = reader.string('districtCode', DISTRICT_CODE_PATTERN, DISTRICT_CODE_RULE);
  const category = reader.oneOf('category', CategoryCodes);
  const firstSerial = reader.integer('firstSerial', 0, MAX_BAG_SERIAL);
  const count = reader.integer('count', 1, MAX_BATCH_ITEMS);
  if (reader.problems.length === 0 && firstSerial + count - 1 > MAX_BAG_SERIAL) {
    reader.problem('count', `the range must end at serial ${MAX_BAG_SERIAL} or below`);
  }
  reader.throwIfInvalid('bag batch');
  return { districtCode, category, firstSerial, count };
}

function readHousehold(ctx: Context): { reference: string; salt: string } {
  const transient = ctx.stub.getTransient();
  const reference = decodeTransient(transient.get(HouseholdTransient.Reference));
  const salt = decodeTransient(transient.get(HouseholdTransient.Salt));
  const problems = [];
  if (reference === undefined || reference.trim() === '' || [...reference].length > REFERENCE_MAX_CHARS) {
    problems.push({
      field: `transient.${HouseholdTransient.Reference}`,
      message: `must be 1 to ${REFERENCE_MAX_CHARS} characters of transient data`,
    });
  }
  if (salt === undefined || !SALT_PATTERN.test(salt)) {
    problems.push({
      field: `transient.${HouseholdTransient.Salt}`,
      message:
        'must be 16 to 128 printable ASCII characters of transient data (random, chosen by the client)',
    });
  }
  if (problems.length > 0 || reference === undefined || salt === undefined) {
    throw new ValidationError('household reference and salt are required as transient data', problems);
  }
  return { reference, salt };
}

function decodeTransient(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Every serial of the range is checked, so the answer names all barcodes already issued. */
async function refuseCommissioned(ctx: Context, barcodes: readonly string[]): Promise<void> {
  const taken: string[] = [];
  await prefetchRecords(
    ctx,
    barcodes.map((barcode) => bagKey(ctx, barcode)),
  );
  for (const barcode of barcodes) {
    if (await recordExists(ctx, bagKey(ctx, barcode))) {
      taken.push(barcode);
    }
  }
  if (taken.length > 0) {
    const shown = taken
      .slice(0, 20)
      .map((barcode) => ({ field: 'barcode', message: `${barcode} is already commissioned` }));
    throw new ConflictError(`${taken.length} of the ${barcodes.length} bags are already commissioned`, shown);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
