// OpenCase: a market clerk opens the business-opening case of one enterprise. The case and the
// enterprise-name claim are public records; the legal representative's name and ID travel as
// transient data and are kept in the market bureau's private collection only (the case shows the
// masked name). The name claim makes a second enterprise with the same normalised name a CONFLICT.

import { type Context } from 'fabric-contract-api';
import { requireRole, Roles } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { CaseOpenedAnswer } from './answers';
import { Collections } from '../common/collections';
import { ConflictError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import {
  getRecord,
  putPrivateRecord,
  putRecord,
  recordExists,
  recordKey,
  RecordTypes,
} from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { actorOf } from './actor';
import { caseIdForUscc } from './case-id';
import { CaseRecord } from './case-record';
import { enterpriseNameClaimId } from './enterprise-name';
import { publicView, readLegalRepresentative } from './legal-representative';
import { NameClaimRecord } from './name-claim-record';
import { parseOpenCaseRequest } from './open-case-request';

/**
 * `requestJson`: { uscc, name, entityType, registeredCapitalCny, address, businessScope }; transient
 * `legalRepresentative`: { name, idNumber, salt }. Returns { caseId, uscc }.
 */
export async function openCase(
  ctx: Context,
  requestJson: string,
): Promise<AnswerJson<typeof CaseOpenedAnswer>> {
  const submitter = requireRole(ctx, Roles.MarketClerk);
  const request = parseOpenCaseRequest(requestJson);
  const now = transactionTime(ctx);
  const person = readLegalRepresentative(ctx, now.slice(0, 10));
  const caseId = caseIdForUscc(request.uscc);
  const caseKey = recordKey(ctx, RecordTypes.BusinessCase, caseId);
  if (await recordExists(ctx, caseKey)) {
    throw new ConflictError(`USCC ${request.uscc} is already registered (case ${caseId})`, [
      { field: 'uscc', message: 'already registered' },
    ]);
  }
  const nameClaimId = enterpriseNameClaimId(request.normalisedName);
  const nameKey = recordKey(ctx, RecordTypes.BusinessNameClaim, nameClaimId);
  const claim = await getRecord(ctx, nameKey, (raw) => NameClaimRecord.fromStored(raw));
  if (claim !== undefined) {
    throw new ConflictError(
      `enterprise name '${request.name}' is taken (as '${claim.name}', USCC ${claim.uscc})`,
      [{ field: 'name', message: 'taken after normalising width, spaces and Latin case' }],
    );
  }
  const openedBy = actorOf(submitter);
  const record = CaseRecord.create({
    ...request,
    caseId,
    nameClaimId,
    legalRepresentative: publicView(person),
    openedAt: now,
    openedBy,
  });
  await putRecord(ctx, caseKey, record);
  const nameClaim = NameClaimRecord.create({
    claimId: nameClaimId,
    normalisedName: request.normalisedName,
    name: request.name,
    uscc: request.uscc,
    caseId,
    claimedAt: now,
  });
  await putRecord(ctx, nameKey, nameClaim);
  await putPrivateRecord(
    ctx,
    Collections.MarketPrivate,
    recordKey(ctx, RecordTypes.BusinessLegalRepresentative, caseId),
    { caseId, ...person },
  );
  emitEvent(ctx, EventNames.BusinessCaseOpened, {
    caseId,
    uscc: request.uscc,
    name: request.name,
    normalisedName: request.normalisedName,
    entityType: request.entityType,
    registeredCapitalFen: request.registeredCapitalFen,
    legalRepresentative: record.legalRepresentative.maskedName,
    openedAt: now,
    openedBy: { mspId: openedBy.mspId, role: openedBy.role },
  });
  return answerJson(CaseOpenedAnswer, { caseId, uscc: request.uscc });
}
