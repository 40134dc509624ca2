// The transaction's own timestamp, set by the client in the proposal header and therefore the same on
// every endorsing peer. The chaincode never reads the machine clock: endorsers would disagree.

import { type Context } from 'fabric-contract-api';

const nanosPerMilli = 1_000_000;
const nanosPerSecond = 1_000_000_000;

/** The transaction timestamp as ISO-8601 UTC with millisecond precision, e.g. 2026-03-01T08:00:00.000Z. */
export function transactionTime(ctx: Context): string {
  const { seconds, nanos } = ctx.stub.getTxTimestamp();
  const wholeSeconds = seconds.toNumber();
  if (
    !Number.isSafeInteger(wholeSeconds) ||
    !Number.isInteger(nanos) ||
    nanos < 0 ||
    nanos >= nanosPerSecond
  ) {
    throw new Error(`invalid transaction timestamp: seconds=${seconds.toString()} nanos=${nanos}`);
  }
  // Truncate (never round) to milliseconds so a timestamp cannot move into the next second.
  const millis = wholeSeconds * 1000 + Math.floor(nanos / nanosPerMilli);
  return new Date(millis).toISOString();
}
