// The unit state machine: given the unit as committed, the parsed request, the right holders from
// transient data and (for TRANSFER) the public deed-tax clearance, compute the unit's next state,
// the certificate the act issues and the status changes of earlier certificates. Pure: no ledger
// access, so every rule is decided from data every endorsing peer has.

import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../common/errors';
import { type CertificateContent } from './certificate-record';
import { type ClearanceRecord, clearanceNotRecorded } from './clearance-record';
import { saltedIdHash } from '../common/personal-data';
import { type Particulars, sealDetails } from './particulars';
import { propertyDetails, termDetails } from './property-particulars';
import { type HolderInput, type PublicHolder, publicHolder } from './personal-data';
import { type RegisterRequest } from './register-request';
import { requireCorrectionBasis } from './holder-change-rules';
import { type CertificateChange } from './registration-record';
import { type RegistrationType } from './registration-types';
import { type UnitRecord, activeCertificates } from './unit-record';
import { refuseActInState } from './unit-state-rules';

export interface ActInput {
  readonly request: RegisterRequest;
  readonly unit: UnitRecord | undefined;
  readonly holders: readonly HolderInput[] | null;
  /** TRANSFER only: the public clearance named by the request, or undefined when none is recorded. */
  readonly clearance: ClearanceRecord | undefined;
  readonly registrationId: string;
  readonly sequence: number;
  readonly at: string;
  /**
   * SEIZURE_RELEASE only: the court order the unit is seized under, from the seizure's private
   * particulars (or its public record, for seizures registered before they were private).
   */
  readonly seizureCourtOrder?: string | null;
}

export interface ActOutcome {
  readonly unit: UnitRecord;
  /** The certificate issued (content) and whose private record holds its holders' salts. */
  readonly issued: { readonly content: CertificateContent; readonly holdersSequence: number } | null;
  readonly changes: readonly CertificateChange[];
  /** The public details (with `particularsHash` when the act has private particulars). */
  readonly details: Readonly<Record<string, string>>;
  /** The private particulars to keep in RegistryMSP's collection, or null. */
  readonly particulars: Particulars | null;
}

/** What a handler decides; the common bookkeeping (sequence, time, certificate content) is added after. */
interface Step {
  readonly unit: UnitRecord;
  readonly certificateHolders?: { readonly holders: readonly PublicHolder[]; readonly sequence: number };
  readonly changes?: readonly CertificateChange[];
  readonly details?: Readonly<Record<string, string | null>>;
}

type Handler = (unit: UnitRecord, input: ActInput) => Step;

export function applyAct(input: ActInput): ActOutcome {
  const { request } = input;
  const step = request.type === 'FIRST' ? firstRegistration(input) : laterAct(input);
  // remarks (附记) may accompany any act; they are private, so sealDetails moves them out
  const details = { ...step.details, remarks: request.remarks };
  const { publicDetails, particulars } = sealDetails(compact(details), request.particularsSalt);
  const unit: UnitRecord = {
    ...step.unit,
    sequence: input.sequence,
    updatedAt: input.at,
    lastRegistrationId: input.registrationId,
  };
  const issued =
    request.certificate === null
      ? null
      : {
          content: certificateContent(input, step.certificateHolders?.holders ?? unit.holders, publicDetails),
          holdersSequence: step.certificateHolders?.sequence ?? unit.holdersSequence,
        };
  const changes = [...(step.changes ?? [])].sort((a, b) =>
    a.certificateNumber < b.certificateNumber ? -1 : 1,
  );
  return { unit, issued, changes, details: publicDetails, particulars };
}

function laterAct(input: ActInput): Step {
  const { request, unit } = input;
  if (unit === undefined) {
    throw new NotFoundError(
      `unit ${request.unitNumber} has no first registration; register FIRST before ${request.type}`,
    );
  }
  refuseActInState(unit, request, input.holders !== null);
  return Handlers[request.type](unit, input);
}

function firstRegistration(input: ActInput): Step {
  const { request, unit } = input;
  if (unit !== undefined) {
    throw new ConflictError(
      `unit ${request.unitNumber} already has its first registration (registered ${unit.firstRegisteredAt})`,
    );
  }
  const holders = requireHolders(input);
  return {
    unit: {
      unitNumber: request.unitNumber,
      status: 'REGISTERED',
      sequence: input.sequence,
      titleVersion: 1,
      holders,
      holdersSequence: input.sequence,
      titleCertificate: request.certificate?.canonical ?? null,
      mortgage: null,
      seizure: null,
      objection: null,
      advanceNotice: null,
      firstRegisteredAt: input.at,
      updatedAt: input.at,
      lastRegistrationId: input.registrationId,
      ...(request.property !== null && { property: request.property }),
    },
    details: { description: request.description, ...propertyDetails(request.property) },
  };
}

const Handlers: Readonly<Record<RegistrationType, Handler>> = {
  FIRST: () => {
    throw new Error('FIRST is handled by firstRegistration');
  },
  TRANSFER: transfer,
  // never with holders (register.ts refuses them: holder-change-rules.ts), so the owners stay
  CHANGE: change,
  CORRECTION: correction,
  MORTGAGE: mortgage,
  MORTGAGE_DISCHARGE: mortgageDischarge,
  SEIZURE: seizure,
  SEIZURE_RELEASE: seizureRelease,
  OBJECTION: (unit, input) => heldEncumbrance(unit, input, 'objection'),
  ADVANCE_NOTICE: (unit, input) => heldEncumbrance(unit, input, 'advanceNotice'),
  CANCELLATION: cancellation,
};

/** Issues a new title certificate (superseding the current one), with new holders when given. */
function newTitle(unit: UnitRecord, input: ActInput, details: Record<string, string | null>): Step {
  const holders = input.holders === null ? null : input.holders.map(publicHolder);
  const certificate = input.request.certificate?.canonical ?? null;
  return {
    unit: {
      ...unit,
      ...(holders === null ? {} : { holders, holdersSequence: input.sequence }),
      titleCertificate: certificate ?? unit.titleCertificate,
    },
    changes:
      certificate !== null && unit.titleCertificate !== null ? [superseded(unit.titleCertificate)] : [],
    details,
  };
}

/** A new title for changed particulars; new property particulars replace the unit's. */
function change(unit: UnitRecord, input: ActInput): Step {
  const { property, description } = input.request;
  const step = newTitle(unit, input, { description, ...propertyDetails(property) });
  return property === null ? step : { ...step, unit: { ...step.unit, property } };
}

function transfer(unit: UnitRecord, input: ActInput): Step {
  const { request } = input;
  const holders = input.holders ?? [];
  checkClearance(unit, request.deedTaxClearanceNumber ?? '', input.clearance, holders);
  if (unit.mortgage !== null && request.mortgageeConsentReference === null) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is mortgaged to ${unit.mortgage.mortgageeName}: a TRANSFER needs the mortgagee's ` +
        'recorded consent (mortgageeConsentReference)',
    );
  }
  if (unit.mortgage === null && request.mortgageeConsentReference !== null) {
    throw new ValidationError(`unit ${unit.unitNumber} is not mortgaged`, [
      { field: 'mortgageeConsentReference', message: 'only a mortgaged unit needs the mortgagee consent' },
    ]);
  }
  const step = newTitle(unit, input, {
    deedTaxClearanceNumber: request.deedTaxClearanceNumber,
    mortgageeConsentReference: request.mortgageeConsentReference,
    description: request.description,
  });
  // An advance notice secures this transfer; once the transfer is registered it is realised.
  const advance = unit.advanceNotice;
  return {
    ...step,
    unit: { ...step.unit, titleVersion: unit.titleVersion + 1, advanceNotice: null },
    changes: [...(step.changes ?? []), ...(advance === null ? [] : [superseded(advance.certificateNumber)])],
  };
}

/** The clearance must exist, belong to the current ownership generation and name exactly these transferees. */
function checkClearance(
  unit: UnitRecord,
  clearanceNumber: string,
  clearance: ClearanceRecord | undefined,
  holders: readonly HolderInput[],
): void {
  if (clearance === undefined) {
    throw clearanceNotRecorded(unit.unitNumber, clearanceNumber);
  }
  if (clearance.titleVersion !== unit.titleVersion) {
    throw new RuleViolationError(
      `deed-tax clearance ${clearanceNumber} was recorded for an earlier ownership of unit ${unit.unitNumber} ` +
        'and has been used by a TRANSFER already',
    );
  }
  const presented = holders.map((holder) => saltedIdHash(holder.clearanceSalt ?? '', holder.idNumber)).sort();
  const cleared = [...clearance.transfereeIdHashes].sort();
  if (presented.length !== cleared.length || presented.some((hash, index) => hash !== cleared[index])) {
    throw new RuleViolationError(
      `the transferees differ from those of deed-tax clearance ${clearanceNumber} ` +
        `(${cleared.length} cleared, ${presented.length} presented, or a different person or salt)`,
    );
  }
}

/** The state (cancelled, seized) was checked by unit-state-rules.ts; here the CORRECTION's own rules. */
function correction(unit: UnitRecord, input: ActInput): Step {
  const { request } = input;
  if (input.holders !== null) {
    requireCorrectionBasis(request);
    if (request.certificate === null) {
      throw new RuleViolationError(
        'corrected holders must be printed on a new title certificate: give certificateNumber',
      );
    }
  }
  // the basis is public and goes into the registration and the certificate the CORRECTION issues
  const step = newTitle(unit, input, {
    description: request.description,
    correctionBasisKind: request.correctionBasis?.kind ?? null,
    correctionBasisReference: request.correctionBasis?.reference ?? null,
  });
  if (!request.closesObjection) {
    return step;
  }
  if (unit.objection === null) {
    throw new RuleViolationError(`unit ${unit.unitNumber} has no objection for this CORRECTION to close`);
  }
  return {
    ...step,
    unit: { ...step.unit, objection: null },
    changes: [...(step.changes ?? []), cancelled(unit.objection.certificateNumber)],
    details: { ...step.details, closedObjection: unit.objection.registrationId },
  };
}

function mortgage(unit: UnitRecord, input: ActInput): Step {
  const terms = input.request.mortgage;
  if (unit.mortgage !== null) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is already mortgaged to ${unit.mortgage.mortgageeName} ` +
        `(${unit.mortgage.certificateNumber}); discharge that mortgage first`,
    );
  }
  if (terms === null || input.request.certificate === null) {
    throw new Error('MORTGAGE request without terms or certificate passed validation');
  }
  return {
    unit: {
      ...unit,
      // the secured amount is a private particular: the unit shows who holds the mortgage, not how much
      mortgage: {
        mortgageeName: terms.mortgageeName,
        mortgageeUscc: terms.mortgageeUscc,
        registrationId: input.registrationId,
        certificateNumber: input.request.certificate.canonical,
        ...(terms.term !== null && { term: terms.term }),
      },
    },
    details: {
      mortgageeName: terms.mortgageeName,
      mortgageeUscc: terms.mortgageeUscc,
      securedAmountFen: terms.securedAmountFen,
      ...termDetails(terms.term),
      description: input.request.description,
    },
  };
}

function mortgageDischarge(unit: UnitRecord, input: ActInput): Step {
  if (unit.mortgage === null) {
    throw new RuleViolationError(`unit ${unit.unitNumber} has no active mortgage to discharge`);
  }
  return {
    unit: { ...unit, mortgage: null },
    changes: [cancelled(unit.mortgage.certificateNumber)],
    details: {
      dischargedMortgage: unit.mortgage.registrationId,
      mortgageeName: unit.mortgage.mortgageeName,
      description: input.request.description,
    },
  };
}

function seizure(unit: UnitRecord, input: ActInput): Step {
  const { court, courtOrder, description } = input.request;
  if (unit.seizure !== null) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is already seized by ${unit.seizure.court} (registration ${unit.seizure.registrationId}); ` +
        'waiting seizures (轮候查封) are not recorded on the ledger',
    );
  }
  if (court === null || courtOrder === null) {
    throw new Error('SEIZURE request without court or order passed validation');
  }
  return {
    // the court order is a private particular: the unit shows which court seized it, not the case
    unit: { ...unit, seizure: { registrationId: input.registrationId, court } },
    details: { court, courtOrder, description },
  };
}

function seizureRelease(unit: UnitRecord, input: ActInput): Step {
  const { courtOrder, description } = input.request;
  if (unit.seizure === null) {
    throw new RuleViolationError(`unit ${unit.unitNumber} is not seized: nothing to release`);
  }
  if (input.seizureCourtOrder !== courtOrder) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is seized under another court order than ${courtOrder ?? ''} ` +
        `(registration ${unit.seizure.registrationId}): only the seizing order can be released`,
    );
  }
  return {
    unit: { ...unit, seizure: null },
    details: {
      court: unit.seizure.court,
      courtOrder,
      releasedSeizure: unit.seizure.registrationId,
      description,
    },
  };
}

/** OBJECTION or ADVANCE_NOTICE: a registration certificate held by the people named in transient data. */
function heldEncumbrance(unit: UnitRecord, input: ActInput, slot: 'objection' | 'advanceNotice'): Step {
  const holders = requireHolders(input);
  const previous = unit[slot];
  const certificateNumber = input.request.certificate?.canonical ?? '';
  return {
    unit: {
      ...unit,
      [slot]: {
        registrationId: input.registrationId,
        certificateNumber,
        holders,
        holdersSequence: input.sequence,
      },
    },
    certificateHolders: { holders, sequence: input.sequence },
    changes: previous === null ? [] : [superseded(previous.certificateNumber)],
    details: { description: input.request.description },
  };
}

function cancellation(unit: UnitRecord, input: ActInput): Step {
  if (unit.mortgage !== null) {
    throw new RuleViolationError(
      `unit ${unit.unitNumber} is mortgaged to ${unit.mortgage.mortgageeName}: discharge the mortgage before CANCELLATION`,
    );
  }
  return {
    unit: { ...unit, status: 'CANCELLED', titleCertificate: null, objection: null, advanceNotice: null },
    changes: activeCertificates(unit).map(cancelled),
    details: { description: input.request.description },
  };
}

function requireHolders(input: ActInput): PublicHolder[] {
  if (input.holders === null) {
    throw new Error(`${input.request.type} without holders passed validation`);
  }
  return input.holders.map(publicHolder);
}

function certificateContent(
  input: ActInput,
  holders: readonly PublicHolder[],
  details: Readonly<Record<string, string | null>>,
): CertificateContent {
  const certificate = input.request.certificate;
  if (certificate === null) {
    throw new Error('certificateContent without a certificate number');
  }
  return {
    certificateNumber: certificate.canonical,
    kind: certificate.kind,
    unitNumber: input.request.unitNumber,
    registrationId: input.registrationId,
    registrationType: input.request.type,
    issuedAt: input.at,
    holders,
    details: compact(details),
  };
}

function superseded(certificateNumber: string): CertificateChange {
  return { certificateNumber, status: 'SUPERSEDED' };
}

function cancelled(certificateNumber: string): CertificateChange {
  return { certificateNumber, status: 'CANCELLED' };
}

/** Drops null entries, so records and hashes carry only facts that exist. */
function compact(details: Readonly<Record<string, string | null>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value !== null) {
      result[key] = value;
    }
  }
  return result;
}
