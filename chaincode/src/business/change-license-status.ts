// ChangeLicenseStatus: a market clerk cancels (注销) or revokes (吊销) an ACTIVE business licence,
// with the reason; the licence keeps its status history, each change with its transaction.

import { type Context } from 'fabric-contract-api';
import { requireRole, Roles } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { LicenseStatusChangedAnswer } from './answers';
import { type ErrorDetail, RuleViolationError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { putRecord, recordKey, RecordTypes, requireRecord } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { actorOf } from './actor';
import { requireUscc } from './case-id';
import { LicenseRecord } from './license-record';
import { textField } from './open-case-request';

export const REASON_MAX_CHARS = 500;
const FINAL_STATUSES = ['CANCELLED', 'REVOKED'] as const;

/** Returns { uscc, status, changedAt }. */
export async function changeLicenseStatus(
  ctx: Context,
  uscc: string,
  status: string,
  reason: string,
): Promise<AnswerJson<typeof LicenseStatusChangedAnswer>> {
  const canonical = requireUscc(uscc);
  const problems: ErrorDetail[] = [];
  const isFinal = (FINAL_STATUSES as readonly string[]).includes(status);
  if (!isFinal) {
    problems.push({ field: 'status', message: `must be one of ${FINAL_STATUSES.join(', ')}` });
  }
  const why = textField(reason, 'reason', REASON_MAX_CHARS, problems);
  if (problems.length > 0) {
    throw new ValidationError('invalid licence status change', problems);
  }
  const submitter = requireRole(ctx, Roles.MarketClerk);
  const key = recordKey(ctx, RecordTypes.BusinessLicense, canonical);
  const license = await requireRecord(
    ctx,
    key,
    (raw) => LicenseRecord.fromStored(raw),
    `licence of USCC ${canonical}`,
  );
  if (license.status !== 'ACTIVE') {
    throw new RuleViolationError(
      `licence ${canonical} is ${license.status}, only an ACTIVE licence can change status`,
      [{ field: 'status', message: `licence is already ${license.status}` }],
    );
  }
  const now = transactionTime(ctx);
  const actor = actorOf(submitter);
  const next = license.withStatus(status as (typeof FINAL_STATUSES)[number], {
    at: now,
    by: actor,
    reason: why,
    txId: ctx.stub.getTxID(),
  });
  await putRecord(ctx, key, next);
  emitEvent(ctx, EventNames.BusinessLicenseStatusChanged, {
    uscc: canonical,
    caseId: license.caseId,
    name: license.name,
    previousStatus: license.status,
    status: next.status,
    reason: why,
    changedAt: now,
    changedBy: { mspId: actor.mspId, role: actor.role },
  });
  return answerJson(LicenseStatusChangedAnswer, { uscc: canonical, status: next.status, changedAt: now });
}
