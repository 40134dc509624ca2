// The Register transaction: validate, decide with the state machine (acts.ts), then write the
// issued certificate, the status changes of earlier certificates, the private holders, the private
// owner index (holder-index.ts), the salted hash of the certificate's verification code
// (certificate-code.ts), the registration record and the unit, and emit one RealEstateRegistered event
// for all of it. Only RegistryMSP's peer endorses writes to the realestate namespace (its
// chaincode-level policy), so no key needs a key-level policy. A TRANSFER reads the deed-tax clearance
// from the tax definition (deedtax:GetDeedTaxClearance) within this transaction.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { RegisterAnswer } from './answers';
import { Collections } from '../common/collections';
import { findInContract } from '../common/cross-chaincode';
import { ContractNames } from '../common/definitions';
import { ConflictError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import {
  getPrivateRecord,
  getRecord,
  putPrivateRecord,
  putRecord,
  requireRecord,
  withBatchedWrites,
} from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { type ActOutcome, applyAct } from './acts';
import {
  type CertificateRecord,
  issueCertificate,
  parseStoredCertificate,
  withStatus,
} from './certificate-record';
import { type ClearanceRecord, parseStoredClearance } from './clearance-record';
import {
  type CodeInput,
  putCertificateCode,
  requireCertificateForCode,
  transientCode,
} from './certificate-code';
import { withoutTxId } from './event-payloads';
import { changeCannotReplaceHolders } from './holder-change-rules';
import { ownershipChanged, requireHolderLookupKey, updateHolderIndex } from './holder-index';
import { certificateKey, holdersKey, particularsKey, registrationKey, unitKey } from './keys';
import {
  type Particulars,
  parsePrivateParticulars,
  parseTransientParticulars,
  type PrivateParticulars,
} from './particulars';
import { type HolderInput, parseHolders, privateHolder, readTransientJson } from './personal-data';
import { type PrivateHolders } from './private-holders';
import { type RegisterRequest, parseRegisterRequest } from './register-request';
import { type RegistrationRecord, registrationId } from './registration-record';
import { HolderRules, type RegistrationType } from './registration-types';
import { parseStoredUnit, type UnitRecord } from './unit-record';
import { Transactions } from '../common/transactions';

const SharesRequired: ReadonlySet<RegistrationType> = new Set(['FIRST', 'TRANSFER', 'CORRECTION']);

/** Its writes (public and private) go to the peer together at the end, in one message. */
export async function register(
  ctx: Context,
  requestJson: string,
): Promise<AnswerJson<typeof RegisterAnswer>> {
  return withBatchedWrites(ctx, () => registerAct(ctx, requestJson));
}

async function registerAct(ctx: Context, requestJson: string): Promise<AnswerJson<typeof RegisterAnswer>> {
  const clerk = requireRole(ctx, Roles.RegistryClerk);
  const request = parseRegisterRequest(
    requestJson,
    parseTransientParticulars(readTransientJson(ctx, 'particulars')),
  );
  const holders = transientHolders(ctx, request.type);
  const code = transientCode(ctx);
  const unit = await getRecord(ctx, unitKey(ctx, request.unitNumber), parseStoredUnit);
  const sequence = (unit?.sequence ?? 0) + 1;
  const id = registrationId(request.unitNumber, sequence);
  const at = transactionTime(ctx);
  const clearance = await clearanceFor(ctx, request);
  const seizureCourtOrder = request.type === 'SEIZURE_RELEASE' ? await courtOrderInForce(ctx, unit) : null;
  const outcome = applyAct({
    request,
    unit,
    holders,
    clearance,
    registrationId: id,
    sequence,
    at,
    seizureCourtOrder,
  });
  // Checked before any write: an act that moves ownership must keep the private owner index right.
  const lookupKey = ownershipChanged(unit, outcome.unit)
    ? requireHolderLookupKey(ctx, `a ${request.type} registration`)
    : undefined;
  requireCertificateForCode(code, outcome.issued !== null);

  const issued = await writeCertificates(ctx, outcome, id, at, code);
  await writePrivateRecords(ctx, request, { id, sequence, holders, particulars: outcome.particulars });
  if (lookupKey !== undefined) {
    const owners = outcome.unit.holdersSequence === sequence ? (holders ?? []).map(privateHolder) : [];
    await updateHolderIndex(ctx, lookupKey, unit, outcome.unit, owners);
  }
  const registration: RegistrationRecord = {
    registrationId: id,
    unitNumber: request.unitNumber,
    sequence,
    type: request.type,
    txId: ctx.stub.getTxID(),
    registeredAt: at,
    clerk,
    certificateNumber: issued?.content.certificateNumber ?? null,
    certificateContentHash: issued?.contentHash ?? null,
    certificateChanges: outcome.changes,
    holders: holders === null ? null : (issued?.content.holders ?? outcome.unit.holders),
    unitStatus: outcome.unit.status,
    details: outcome.details,
  };
  await putRecord(ctx, registrationKey(ctx, request.unitNumber, sequence), registration);
  await putRecord(ctx, unitKey(ctx, request.unitNumber), outcome.unit);
  emitEvent(ctx, EventNames.RealEstateRegistered, {
    registration: withoutTxId(registration),
    certificate: issued,
    unit: outcome.unit,
  });
  return answerJson(RegisterAnswer, {
    registrationId: id,
    unitNumber: request.unitNumber,
    sequence,
    type: request.type,
    certificateNumber: registration.certificateNumber,
    certificateContentHash: registration.certificateContentHash,
    certificateChanges: outcome.changes,
    unitStatus: outcome.unit.status,
  });
}

/**
 * The act's private records in RegistryMSP's collection: the holders it names (names, IDs, salts) and
 * its private particulars with their salt (particulars.ts), each under [unit, sequence].
 */
async function writePrivateRecords(
  ctx: Context,
  request: RegisterRequest,
  act: {
    readonly id: string;
    readonly sequence: number;
    readonly holders: readonly HolderInput[] | null;
    readonly particulars: Particulars | null;
  },
): Promise<void> {
  const { unitNumber } = request;
  if (act.holders !== null) {
    const record: PrivateHolders = {
      unitNumber,
      registrationId: act.id,
      holders: act.holders.map(privateHolder),
    };
    await putPrivateRecord(
      ctx,
      Collections.RegistryPrivate,
      holdersKey(ctx, unitNumber, act.sequence),
      record,
    );
  }
  if (act.particulars !== null && request.particularsSalt !== null) {
    const record: PrivateParticulars = {
      unitNumber,
      registrationId: act.id,
      particulars: act.particulars,
      salt: request.particularsSalt,
    };
    await putPrivateRecord(
      ctx,
      Collections.RegistryPrivate,
      particularsKey(ctx, unitNumber, act.sequence),
      record,
    );
  }
}

/**
 * Writes the issued certificate (unique on the channel) with its code's salted hash, and the new
 * status of superseded / cancelled ones.
 */
async function writeCertificates(
  ctx: Context,
  outcome: ActOutcome,
  id: string,
  at: string,
  code: CodeInput | undefined,
): Promise<CertificateRecord | null> {
  let issued: CertificateRecord | null = null;
  if (outcome.issued !== null) {
    const number = outcome.issued.content.certificateNumber;
    const key = certificateKey(ctx, number);
    if ((await getRecord(ctx, key, parseStoredCertificate)) !== undefined) {
      throw new ConflictError(`certificate number ${number} is already issued`, [
        { field: 'certificateNumber', message: 'must be unique on the channel' },
      ]);
    }
    issued = issueCertificate(outcome.issued.content, outcome.issued.holdersSequence);
    await putRecord(ctx, key, issued);
    await putCertificateCode(ctx, number, code);
  }
  for (const change of outcome.changes) {
    const key = certificateKey(ctx, change.certificateNumber);
    const previous = await requireRecord(
      ctx,
      key,
      parseStoredCertificate,
      `certificate ${change.certificateNumber}`,
    );
    await putRecord(ctx, key, withStatus(previous, change.status, id, at));
  }
  return issued;
}

/** The right holders of the act from transient `holders`, checked against what the type accepts. */
function transientHolders(ctx: Context, type: RegistrationType): HolderInput[] | null {
  const raw = readTransientJson(ctx, 'holders');
  const rule = HolderRules[type];
  if (raw === undefined) {
    if (rule === 'required') {
      throw new ValidationError(`a ${type} registration names its right holders in transient 'holders'`, [
        { field: 'transient.holders', message: 'is required' },
      ]);
    }
    return null;
  }
  if (rule === 'none') {
    // holders on a CHANGE are not malformed input but an attempt to change owners the wrong way
    if (type === 'CHANGE') {
      throw changeCannotReplaceHolders();
    }
    throw new ValidationError(`a ${type} registration names no right holders`, [
      { field: 'transient.holders', message: `must be absent for ${type}` },
    ]);
  }
  return parseHolders(ctx, raw, {
    sharesRequired: SharesRequired.has(type),
    clearanceSaltRequired: type === 'TRANSFER',
  });
}

/**
 * The court order a seized unit is held under: a private particular of the SEIZURE registration
 * (read from RegistryMSP's collection, which the only endorsing peer holds), or the public unit record
 * for a seizure registered before court orders became private. Null when the unit is not seized.
 */
async function courtOrderInForce(ctx: Context, unit: UnitRecord | undefined): Promise<string | null> {
  if (unit === undefined || unit.seizure === null) return null;
  if (unit.seizure.courtOrder !== undefined) return unit.seizure.courtOrder;
  // registration ids are `<unit>-<sequence, 8 digits>` (registration-record.ts)
  const sequence = Number(unit.seizure.registrationId.slice(unit.unitNumber.length + 1));
  const stored = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    particularsKey(ctx, unit.unitNumber, sequence),
    parsePrivateParticulars,
  );
  return stored?.particulars.courtOrder ?? null;
}

/**
 * The PUBLIC clearance a TRANSFER names, read from the tax definition (deedtax:GetDeedTaxClearance);
 * undefined when the tax bureau recorded none under that number for the unit (its NOT_FOUND), which
 * acts.ts answers as the TRANSFER's missing precondition. Any other failure of the read propagates.
 * The read joins this transaction's read set (tax namespace), so a clearance changed before commit
 * invalidates the TRANSFER. The private transferee list is never read here.
 */
async function clearanceFor(ctx: Context, request: RegisterRequest): Promise<ClearanceRecord | undefined> {
  if (request.type !== 'TRANSFER' || request.deedTaxClearanceNumber === null) {
    return undefined;
  }
  return findInContract(
    ctx,
    {
      contract: ContractNames.DeedTax,
      fn: Transactions.deedtax.GetDeedTaxClearance,
      args: [request.unitNumber, request.deedTaxClearanceNumber],
    },
    parseStoredClearance,
  );
}
