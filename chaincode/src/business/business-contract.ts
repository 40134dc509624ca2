// Business opening (开办企业, "one application"): a case per enterprise, six department steps, and the
// business licence issued at the LICENSE step (definition `business`, whose chaincode-level policy is
// MarketMSP's peer alone). The TAX step is the tax bureau's, recorded in the tax definition
// (tax/business-tax-contract.ts). See chaincode/README.md, "business contract", for the key layout,
// events, endorsement and privacy rules.
//
// MVCC: CompleteStep reads the case, the licence and its own step key and writes only its own step key
// (plus the licence at LICENSE). Steps of one case completed concurrently by different departments
// therefore never conflict. The case status (OPEN / COMPLETED) is derived on read from the six step
// keys instead of being stored, since storing it would make every step write the same case key.

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireMember, requireRole, Roles } from '../common/access';
import { toCanonicalJson } from '../common/canonical-json';
import { Collections } from '../common/collections';
import { ContractNames } from '../common/definitions';
import { ConflictError, type ErrorDetail, RuleViolationError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import {
  getRecord,
  putPrivateRecord,
  putRecord,
  recordExists,
  recordKey,
  RecordTypes,
  requireRecord,
} from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { actorOf } from './actor';
import { caseIdForUscc, parseCaseId, requireUscc } from './case-id';
import { CaseRecord } from './case-record';
import { caseView, requireCase } from './case-view';
import { enterpriseNameClaimId } from './enterprise-name';
import { publicView, readLegalRepresentative } from './legal-representative';
import { LicenseRecord } from './license-record';
import { requireActiveLicense } from './license-rules';
import { NameClaimRecord } from './name-claim-record';
import { textField } from './open-case-request';
import { parseOpenCaseRequest } from './open-case-request';
import { REFERENCE_MAX_CHARS, StepRecord } from './step-record';
import { BusinessSteps, isBusinessStep, StepRoles } from './steps';

export const REASON_MAX_CHARS = 500;
const FINAL_STATUSES = ['CANCELLED', 'REVOKED'] as const;

@Info({ title: 'BusinessContract', description: 'Business opening cases, their steps and business licences' })
export class BusinessContract extends Contract {
  constructor() {
    super(ContractNames.Business);
  }

  /**
   * Opens a case. `requestJson`: { uscc, name, entityType, registeredCapitalCny, address, businessScope };
   * transient `legalRepresentative`: { name, idNumber, salt }. Returns { caseId, uscc }.
   */
  @Transaction()
  @Returns('string')
  async OpenCase(ctx: Context, requestJson: string): Promise<string> {
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
    return toCanonicalJson({ caseId, uscc: request.uscc });
  }

  /**
   * Completes one step once, by its role; LICENSE first. TAX is refused (RULE_VIOLATION): the tax
   * bureau records it in its own definition, businesstax:CompleteTaxStep. Returns
   * { caseId, step, completedAt }.
   */
  @Transaction()
  @Returns('string')
  async CompleteStep(ctx: Context, caseId: string, step: string, reference: string): Promise<string> {
    const parsed = parseCaseId(caseId);
    const problems: ErrorDetail[] = [];
    if (!isBusinessStep(step)) {
      problems.push({ field: 'step', message: `must be one of ${BusinessSteps.join(', ')}` });
    }
    const ref = textField(reference, 'reference', REFERENCE_MAX_CHARS, problems);
    if (problems.length > 0 || !isBusinessStep(step)) {
      throw new ValidationError('invalid step completion', problems);
    }
    if (step === 'TAX') {
      throw new RuleViolationError(
        'the TAX step is recorded by the tax bureau in its own chaincode: tax, businesstax:CompleteTaxStep',
        [{ field: 'step', message: 'TAX is completed with businesstax:CompleteTaxStep (definition tax)' }],
      );
    }
    const submitter = requireRole(ctx, StepRoles[step]);
    const record = await requireCase(ctx, parsed.caseId);
    const stepKey = recordKey(ctx, RecordTypes.BusinessStep, record.caseId, step);
    if (await recordExists(ctx, stepKey)) {
      throw new ConflictError(`step ${step} of case ${record.caseId} is already completed`, [
        { field: 'step', message: 'already completed' },
      ]);
    }
    const licenseKey = recordKey(ctx, RecordTypes.BusinessLicense, record.uscc);
    const license = await getRecord(ctx, licenseKey, (raw) => LicenseRecord.fromStored(raw));
    if (step !== 'LICENSE') {
      requireActiveLicense(step, license);
    }
    const now = transactionTime(ctx);
    const actor = actorOf(submitter);
    const stepRecord = StepRecord.create({
      caseId: record.caseId,
      step,
      reference: ref,
      completedAt: now,
      completedBy: actor,
    });
    await putRecord(ctx, stepKey, stepRecord);
    let issued: LicenseRecord | undefined;
    if (step === 'LICENSE') {
      issued = LicenseRecord.issue(
        {
          uscc: record.uscc,
          caseId: record.caseId,
          name: record.name,
          legalRepresentative: record.legalRepresentative.maskedName,
          establishedAt: now,
        },
        actor,
        ctx.stub.getTxID(),
      );
      await putRecord(ctx, licenseKey, issued);
    }
    emitEvent(ctx, EventNames.BusinessStepCompleted, {
      caseId: record.caseId,
      uscc: record.uscc,
      name: record.name,
      step,
      reference: ref,
      completedAt: now,
      completedBy: { mspId: actor.mspId, role: actor.role },
      openedAt: record.openedAt,
      ...(issued === undefined
        ? {}
        : { license: { status: issued.status, establishedAt: issued.establishedAt } }),
    });
    return toCanonicalJson({ caseId: record.caseId, step, completedAt: now });
  }

  /** Cancels (注销) or revokes (吊销) an ACTIVE licence. Returns { uscc, status, changedAt }. */
  @Transaction()
  @Returns('string')
  async ChangeLicenseStatus(ctx: Context, uscc: string, status: string, reason: string): Promise<string> {
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
    return toCanonicalJson({ uscc: canonical, status: next.status, changedAt: now });
  }

  /**
   * The case with its six steps (status, time, actor) and the derived case status. The TAX step is
   * read from the tax definition (businesstax:GetTaxStep), so the tax chaincode must not call this.
   */
  @Transaction(false)
  @Returns('string')
  async GetCase(ctx: Context, caseId: string): Promise<string> {
    requireMember(ctx);
    return toCanonicalJson(await caseView(ctx, parseCaseId(caseId).caseId));
  }

  /** Same as GetCase, found by the enterprise's USCC. */
  @Transaction(false)
  @Returns('string')
  async FindCaseByUscc(ctx: Context, uscc: string): Promise<string> {
    requireMember(ctx);
    return toCanonicalJson(await caseView(ctx, caseIdForUscc(requireUscc(uscc))));
  }

  /**
   * The case as opened, without steps and without any cross-chaincode read: `{ caseId, uscc, name,
   * entityType, openedAt, openedBy }`. What the tax definition reads for CompleteTaxStep (it cannot
   * read GetCase, which calls back into tax).
   */
  @Transaction(false)
  @Returns('string')
  async GetCaseRecord(ctx: Context, caseId: string): Promise<string> {
    requireMember(ctx);
    const record = await requireCase(ctx, parseCaseId(caseId).caseId);
    return toCanonicalJson({
      caseId: record.caseId,
      uscc: record.uscc,
      name: record.name,
      entityType: record.entityType,
      openedAt: record.openedAt,
      openedBy: record.openedBy,
    });
  }

  /** The licence: status, name, masked legal representative, establishedAt and status history. */
  @Transaction(false)
  @Returns('string')
  async GetLicense(ctx: Context, uscc: string): Promise<string> {
    requireMember(ctx);
    const canonical = requireUscc(uscc);
    const license = await requireRecord(
      ctx,
      recordKey(ctx, RecordTypes.BusinessLicense, canonical),
      (raw) => LicenseRecord.fromStored(raw),
      `licence of USCC ${canonical}`,
    );
    return toCanonicalJson({
      ...license,
      statusHistory: license.statusHistory.map((change) => ({ ...change })),
    });
  }
}
