import { type common } from '@hyperledger/fabric-protos';

import { type CheckName, fail } from './verification-failure';

/**
 * A channel header's google.protobuf.Timestamp as a Date. fabric-protos types it with google-protobuf's
 * Timestamp, whose typings are not installed, so its shape is checked here.
 */
export function timestampOf(header: common.ChannelHeader, check: CheckName, what: string): Date {
  const timestamp = header.getTimestamp() as { getSeconds?: unknown; getNanos?: unknown } | undefined;
  if (typeof timestamp?.getSeconds !== 'function' || typeof timestamp.getNanos !== 'function') {
    return fail(check, `the channel header of ${what} has no timestamp`);
  }
  const seconds: unknown = timestamp.getSeconds.call(timestamp);
  const nanos: unknown = timestamp.getNanos.call(timestamp);
  if (typeof seconds !== 'number' || typeof nanos !== 'number') {
    return fail(check, `the channel header timestamp of ${what} is malformed`);
  }
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6));
}
