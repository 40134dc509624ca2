import { AsyncLocalStorage } from 'node:async_hooks';

import { type SubmitResult } from './ledger-client.port';

/**
 * A transaction already committed for this request, to answer the request's submit with instead of
 * submitting again. The idempotency interceptor sets it when a retry finds that the first attempt's
 * transaction (whose commit status it never got) committed VALID: the handler runs again and builds
 * its answer from the chaincode's own return value, exactly as it would have the first time.
 */
interface CommittedSubmit {
  readonly result: SubmitResult;
  used: boolean;
}

const committedSubmit = new AsyncLocalStorage<CommittedSubmit>();

/** Runs `work` (a handler) so that its one submit answers `result` without writing. */
export function withCommittedSubmit<T>(result: SubmitResult, work: () => T): T {
  return committedSubmit.run({ result, used: false }, work);
}

/**
 * The committed result standing in for this submit, if any. A second submit in the same request
 * gets an error: every write route submits once, so a second one means the handler is not the one
 * that wrote this transaction, and replaying would answer something else.
 */
export function takeCommittedSubmit(): SubmitResult | undefined {
  const pending = committedSubmit.getStore();
  if (pending === undefined) return undefined;
  if (pending.used) throw new Error('a request answered from a committed transaction submitted twice');
  pending.used = true;
  return pending.result;
}
