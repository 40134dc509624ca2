// RegisterBin, RetireBin and GetBin. A bin must stand at a registered collection station (STATION);
// like vehicles, a bin is one key named by its id, so only two writes about the same bin conflict.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putRecord, recordExists } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { WasteBin } from './bin';
import { parseJsonObjectArgument } from './input';
import { binKey } from './keys';
import { requireSiteOfKind } from './site-check';
import { BIN_ID_PATTERN, BIN_ID_RULE } from './vehicle-rules';

export async function readBin(ctx: Context, binId: string): Promise<WasteBin | undefined> {
  return getRecord(ctx, binKey(ctx, binId), (raw) => WasteBin.fromStored(raw));
}

export async function registerBin(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<WasteBin> {
  const bin = WasteBin.fromInput(parseJsonObjectArgument(json, 'bin'), transactionTime(ctx), submitter.mspId);
  // bags are scanned out of bins at collection stations only
  await requireSiteOfKind(ctx, 'siteId', bin.siteId, ['STATION']);
  const key = binKey(ctx, bin.binId);
  if (await recordExists(ctx, key)) {
    throw new ConflictError(`bin ${bin.binId} is already registered`, [{ field: 'binId', message: 'taken' }]);
  }
  await putRecord(ctx, key, bin);
  emitEvent(ctx, EventNames.WasteBinRegistered, { ...bin, txId: ctx.stub.getTxID() });
  return bin;
}

export async function retireBin(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  binId: string,
): Promise<WasteBin> {
  const current = await requireBin(ctx, binId);
  if (current.status === 'RETIRED') {
    throw new ConflictError(`bin ${binId} is already retired`, [
      { field: 'binId', message: 'already retired' },
    ]);
  }
  const retiredAt = transactionTime(ctx);
  const retired = current.retire(retiredAt, submitter.mspId);
  await putRecord(ctx, binKey(ctx, binId), retired);
  emitEvent(ctx, EventNames.WasteBinRetired, {
    ...retired,
    retiredAt,
    retiredBy: submitter.mspId,
    txId: ctx.stub.getTxID(),
  });
  return retired;
}

/** The bin, or VALIDATION_FAILED for a malformed id and NOT_FOUND for an unknown one. */
export async function requireBin(ctx: Context, binId: unknown): Promise<WasteBin> {
  if (typeof binId !== 'string' || !BIN_ID_PATTERN.test(binId)) {
    throw new ValidationError('invalid bin id', [{ field: 'binId', message: BIN_ID_RULE }]);
  }
  const bin = await readBin(ctx, binId);
  if (bin === undefined) {
    throw new NotFoundError(`bin ${binId} not found`);
  }
  return bin;
}
