// The public arguments of Register, as one JSON object. Only public facts travel here (they land in the
// block): right holders' names and ID numbers come as transient data (personal-data.ts), and so do the
// act's private particulars (particulars.ts: description, remarks, court order, secured amount), which this
// parser takes from transient `particulars` and refuses in the public arguments.
//
//   { unitNumber, type, certificateNumber?,
//     property?: { location, areaM2, usage },            FIRST, CHANGE (property-particulars.ts)
//     court?,                                            SEIZURE
//     mortgage?: { mortgageeName, mortgageeUscc, term?: { from, to } },       MORTGAGE
//     deedTaxClearanceNumber?, mortgageeConsentReference?,                    TRANSFER
//     closesObjection?,                                                       CORRECTION
//     correctionBasis?: { kind, reference } }        CORRECTION (required there when holders change)

import { type ErrorDetail, ValidationError } from '../common/errors';
import {
  type ParsedCertificateNumber,
  parseCertificateNumber,
  parseUnitNumber,
  parseUscc,
} from '../common/identifiers';
import { CLEARANCE_NUMBER_PATTERN } from './clearance-record';
import { type CorrectionBasis, parseCorrectionBasis } from './correction-basis';
import { type TransientParticulars, refusePublicParticulars } from './particulars';
import {
  type MortgageTerm,
  type PropertyParticulars,
  parseMortgageTerm,
  parseProperty,
} from './property-particulars';
import { isObject } from './personal-data';
import {
  CertificateRules,
  type RegistrationType,
  RegistrationTypes,
  isRegistrationType,
} from './registration-types';
import { refuseNulCharacters } from '../common/nul-characters';

export const MAX_TEXT_LENGTH = 500;
export const REFERENCE_PATTERN = /^[\p{L}\p{N}()（）〔〕[\]_./-]{1,64}$/u;
const AMOUNT_PATTERN = /^(0|[1-9][0-9]{0,15})$/;

export interface MortgageTerms {
  readonly mortgageeName: string;
  /** Mortgagees are institutions (banks) identified by USCC; natural-person mortgagees are not supported. */
  readonly mortgageeUscc: string;
  /** Secured amount in fen (1/100 yuan) as a decimal string, so no floating point is involved. */
  readonly securedAmountFen: string;
  /** The secured period, when the contract gives one (public: property-particulars.ts). */
  readonly term: MortgageTerm | null;
}

export interface RegisterRequest {
  readonly unitNumber: string;
  readonly type: RegistrationType;
  readonly certificate: ParsedCertificateNumber | null;
  readonly description: string | null;
  /** Free-text remarks (附记): a private particular like the description. */
  readonly remarks: string | null;
  /** FIRST and CHANGE: the unit's location, area and usage (public). */
  readonly property: PropertyParticulars | null;
  readonly court: string | null;
  readonly courtOrder: string | null;
  readonly mortgage: MortgageTerms | null;
  readonly deedTaxClearanceNumber: string | null;
  readonly mortgageeConsentReference: string | null;
  readonly closesObjection: boolean;
  /** CORRECTION only: the court decision or registry finding it rests on (correction-basis.ts). */
  readonly correctionBasis: CorrectionBasis | null;
  /** The salt of the private particulars' hash; null when the act has none. */
  readonly particularsSalt: string | null;
}

/** Which optional fields each type needs; anything needed and missing is a VALIDATION_FAILED. */
const RequiredFields: Readonly<Partial<Record<RegistrationType, readonly string[]>>> = {
  SEIZURE: ['court', 'courtOrder'],
  SEIZURE_RELEASE: ['courtOrder'],
  MORTGAGE: ['mortgage'],
  TRANSFER: ['deedTaxClearanceNumber'],
  CHANGE: ['description'],
  CORRECTION: ['description'],
  OBJECTION: ['description'],
};

const NO_PARTICULARS: TransientParticulars = { fields: {}, salt: null };

/**
 * Parses the public request together with the act's private particulars (transient, already read by
 * parseTransientParticulars): the private fields are validated with the rest, as if they had been
 * part of the request, and refused where they must not be (in the public arguments).
 */
export function parseRegisterRequest(
  json: string,
  particulars: TransientParticulars = NO_PARTICULARS,
): RegisterRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ValidationError('the registration request is not JSON', [
      { field: 'request', message: 'must be a JSON object' },
    ]);
  }
  refuseNulCharacters(raw, 'request');
  if (!isObject(raw)) {
    throw new ValidationError('the registration request must be a JSON object', [
      { field: 'request', message: 'must be a JSON object' },
    ]);
  }
  const problems: ErrorDetail[] = [];
  refusePublicParticulars(raw, problems);
  const merged = withParticulars(raw, particulars);
  const unit = parseUnitNumber(typeof raw.unitNumber === 'string' ? raw.unitNumber : '');
  if (!unit.valid) {
    problems.push({ field: 'unitNumber', message: `unit number ${unit.reason}` });
  }
  if (!isRegistrationType(raw.type)) {
    problems.push({ field: 'type', message: `must be one of ${RegistrationTypes.join(', ')}` });
    throw new ValidationError('invalid registration request', problems);
  }
  const type = raw.type;
  const request: RegisterRequest = {
    unitNumber: unit.valid ? unit.value.canonical : '',
    type,
    certificate: certificateField(raw.certificateNumber, type, problems),
    description: textField(merged, 'description', MAX_TEXT_LENGTH, problems),
    remarks: textField(merged, 'remarks', MAX_TEXT_LENGTH, problems),
    property: parseProperty(raw.property, type, problems),
    court: textField(raw, 'court', 64, problems),
    courtOrder: referenceField(merged, 'courtOrder', problems),
    mortgage: mortgageField(merged.mortgage, problems),
    deedTaxClearanceNumber: clearanceNumberField(raw.deedTaxClearanceNumber, problems),
    mortgageeConsentReference: referenceField(raw, 'mortgageeConsentReference', problems),
    closesObjection: booleanField(raw, 'closesObjection', problems),
    correctionBasis: correctionBasisField(raw.correctionBasis, type, problems),
    particularsSalt: particulars.salt,
  };
  for (const field of RequiredFields[type] ?? []) {
    if (
      (request as unknown as Record<string, unknown>)[field] === null &&
      !problems.some((p) => p.field?.startsWith(field))
    ) {
      problems.push({ field, message: `is required for a ${type} registration` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError('invalid registration request', problems);
  }
  return request;
}

/**
 * The request with its private particulars in their old places, so they are validated like the rest.
 * A misplaced private field was refused already; it is still validated, so that is its only problem.
 */
function withParticulars(
  raw: Record<string, unknown>,
  particulars: TransientParticulars,
): Record<string, unknown> {
  const { fields } = particulars;
  return {
    ...raw,
    description: fields.description ?? raw.description,
    remarks: fields.remarks ?? raw.remarks,
    courtOrder: fields.courtOrder ?? raw.courtOrder,
    ...(isObject(raw.mortgage) && {
      mortgage: {
        ...raw.mortgage,
        securedAmountFen: fields.securedAmountFen ?? raw.mortgage.securedAmountFen,
      },
    }),
  };
}

function certificateField(
  raw: unknown,
  type: RegistrationType,
  problems: ErrorDetail[],
): ParsedCertificateNumber | null {
  const rule = CertificateRules[type];
  if (raw === undefined || raw === null) {
    if (rule.required) {
      problems.push({
        field: 'certificateNumber',
        message: `a ${type} registration issues a certificate: its number is required`,
      });
    }
    return null;
  }
  if (rule.kind === null) {
    problems.push({ field: 'certificateNumber', message: `a ${type} registration issues no certificate` });
    return null;
  }
  const parsed = parseCertificateNumber(typeof raw === 'string' ? raw : '');
  if (!parsed.valid) {
    problems.push({ field: 'certificateNumber', message: `certificate number ${parsed.reason}` });
    return null;
  }
  if (parsed.value.kind !== rule.kind) {
    const expected =
      rule.kind === 'TITLE' ? '不动产权 (title certificate)' : '不动产证明 (registration certificate)';
    problems.push({ field: 'certificateNumber', message: `a ${type} registration issues a ${expected}` });
    return null;
  }
  return parsed.value;
}

/** The basis is a fact of a CORRECTION only; on any other act it would be recorded for nothing. */
function correctionBasisField(
  raw: unknown,
  type: RegistrationType,
  problems: ErrorDetail[],
): CorrectionBasis | null {
  if (type !== 'CORRECTION' && raw !== undefined && raw !== null) {
    problems.push({
      field: 'correctionBasis',
      message: `a ${type} registration records no correction basis`,
    });
    return null;
  }
  return parseCorrectionBasis(raw, problems);
}

function textField(
  raw: Record<string, unknown>,
  field: string,
  max: number,
  problems: ErrorDetail[],
): string | null {
  const value = raw[field];
  if (value === undefined || value === null) {
    return null;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const length = [...text].length;
  if (length === 0 || length > max || /\p{Cc}/u.test(text)) {
    problems.push({ field, message: `must be 1 to ${max} printable characters` });
    return null;
  }
  return text;
}

function referenceField(raw: Record<string, unknown>, field: string, problems: ErrorDetail[]): string | null {
  const value = raw[field];
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string' || !REFERENCE_PATTERN.test(value.trim())) {
    problems.push({ field, message: 'must be 1 to 64 letters, digits, brackets or _ . / -' });
    return null;
  }
  return value.trim();
}

function clearanceNumberField(value: unknown, problems: ErrorDetail[]): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string' || !CLEARANCE_NUMBER_PATTERN.test(value)) {
    problems.push({
      field: 'deedTaxClearanceNumber',
      message: 'must be 4 to 40 characters from A-Z a-z 0-9 -',
    });
    return null;
  }
  return value;
}

function booleanField(raw: Record<string, unknown>, field: string, problems: ErrorDetail[]): boolean {
  const value = raw[field];
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value !== 'boolean') {
    problems.push({ field, message: 'must be true or false' });
    return false;
  }
  return value;
}

function mortgageField(raw: unknown, problems: ErrorDetail[]): MortgageTerms | null {
  if (raw === undefined || raw === null) {
    return null;
  }
  const fields = isObject(raw) ? raw : {};
  const count = problems.length;
  const mortgageeName = textField(fields, 'mortgageeName', 64, []);
  if (mortgageeName === null) {
    problems.push({ field: 'mortgage.mortgageeName', message: 'must be 1 to 64 printable characters' });
  }
  const uscc = parseUscc(typeof fields.mortgageeUscc === 'string' ? fields.mortgageeUscc : '');
  if (!uscc.valid) {
    problems.push({ field: 'mortgage.mortgageeUscc', message: `unified social credit code ${uscc.reason}` });
  }
  const amount = fields.securedAmountFen;
  if (typeof amount !== 'string' || !AMOUNT_PATTERN.test(amount) || amount === '0') {
    problems.push({
      field: 'mortgage.securedAmountFen',
      message: 'must be a positive whole number of fen, as a string',
    });
  }
  const term = parseMortgageTerm(fields.term, problems);
  if (problems.length > count || mortgageeName === null || !uscc.valid) {
    return null;
  }
  return { mortgageeName, mortgageeUscc: uscc.value.canonical, securedAmountFen: amount as string, term };
}
