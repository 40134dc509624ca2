// Which committed transaction last wrote a key, from the peer's own history database rather than from
// anything the record says about itself: a record's content is whatever its writer put there, but the
// history lists the transactions that really wrote the key, and a verifier can then fetch that
// transaction and check who endorsed and submitted it.

import { type Context } from 'fabric-contract-api';
import { NotFoundError, UnavailableError } from '../common/errors';
import { type AnswerValue } from '../common/answer-shape';
import { type LatestWriteAnswer } from './answers';

export type LatestWrite = AnswerValue<typeof LatestWriteAnswer>;

interface HistoryEntry {
  readonly txId: string;
  readonly value: Uint8Array;
  readonly isDelete: boolean;
  readonly timestamp: unknown;
}

/**
 * The newest entry of the key's history. The peer commits a block to the state database before the
 * history database, so a query in between sees a value the history does not list yet: the newest
 * entry must be the write of the current value (or the delete of an absent one), else the answer
 * is UNAVAILABLE and a retry a moment later succeeds.
 */
export async function latestWrite(ctx: Context, key: string): Promise<LatestWrite> {
  return (await readWithLatestWrite(ctx, key)).write;
}

/**
 * The key's current value together with the write that put it there, read in one query, so a
 * verifier needs one round trip for the record and the transaction to check. The value is the very
 * bytes the history entry wrote (latestWrite compares them); undefined when the key is deleted.
 */
export async function readWithLatestWrite(
  ctx: Context,
  key: string,
): Promise<{ readonly value: Uint8Array | undefined; readonly write: LatestWrite }> {
  const current = await ctx.stub.getState(key);
  const exists = current !== undefined && current.length > 0;
  const newest = await newestHistoryEntry(ctx, key);
  if (newest === undefined) {
    if (!exists) throw new NotFoundError('no record was ever written under this key');
    throw historyBehind();
  }
  const consistent = exists
    ? !newest.isDelete && Buffer.from(newest.value).equals(Buffer.from(current))
    : newest.isDelete;
  if (!consistent) throw historyBehind();
  return {
    value: exists ? current : undefined,
    write: { key, txId: newest.txId, timestamp: isoTime(newest.timestamp), isDelete: newest.isDelete },
  };
}

async function newestHistoryEntry(ctx: Context, key: string): Promise<HistoryEntry | undefined> {
  let iterator: Awaited<ReturnType<Context['stub']['getHistoryForKey']>>;
  try {
    iterator = await ctx.stub.getHistoryForKey(key);
  } catch (error) {
    // the peer answers so when core.yaml's ledger.history.enableHistoryDatabase is false
    if (error instanceof Error && error.message.includes('history database is not enabled')) {
      throw new UnavailableError('this peer keeps no history of keys; ask a peer that does');
    }
    throw error;
  }
  try {
    // Fabric 2+ lists the history newest first, so the first entry is the latest write
    const next = await iterator.next();
    return next.done ? undefined : next.value;
  } finally {
    await iterator.close();
  }
}

function historyBehind(): UnavailableError {
  return new UnavailableError("the peer's history of this record is still being committed; ask again");
}

/**
 * The history entry's google.protobuf.Timestamp as ISO-8601. fabric-shim hands over the protobuf's
 * toObject(), whose seconds are a number, although its typings declare a Long; both are accepted.
 */
function isoTime(timestamp: unknown): string {
  const { seconds, nanos } = (timestamp ?? {}) as { seconds?: unknown; nanos?: unknown };
  const whole =
    typeof seconds === 'number'
      ? seconds
      : typeof (seconds as { toNumber?: unknown } | undefined)?.toNumber === 'function'
        ? (seconds as { toNumber(): number }).toNumber()
        : Number.NaN;
  const fraction = typeof nanos === 'number' ? nanos : 0;
  if (!Number.isSafeInteger(whole) || !Number.isInteger(fraction) || fraction < 0 || fraction >= 1e9) {
    throw new Error(`invalid history timestamp: ${JSON.stringify(timestamp)}`);
  }
  // truncate to milliseconds, as transactionTime does, so both read the same for one transaction
  return new Date(whole * 1000 + Math.floor(fraction / 1e6)).toISOString();
}
