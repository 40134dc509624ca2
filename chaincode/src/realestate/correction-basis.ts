// The recorded basis of a CORRECTION (更正登记): what entitles the registry to correct its register,
// which a CORRECTION of the right holders must name (holder-change-rules.ts). Either a court decision
// (依嘱托/依判决更正), named by its case number, or the registry's own finding that it erred (依职权更正),
// named by the registry's reference for that finding. The basis is public: it goes into the request, the
// registration's details and the certificate the CORRECTION issues, so it must be a reference number,
// never free text that could carry a person's name. The gateway validates with the same patterns.

import { type ErrorDetail } from '../common/errors';

export const CorrectionBasisKinds = ['COURT_DECISION', 'REGISTRY_ERROR'] as const;
export type CorrectionBasisKind = (typeof CorrectionBasisKinds)[number];

export interface CorrectionBasis {
  readonly kind: CorrectionBasisKind;
  readonly reference: string;
}

/**
 * A court case number (案号) as the Supreme People's Court's rules on case numbers shape it: year in
 * brackets, the court's code (粤0106, 粤01, 最高法), the case-type code (民初, 民终, 执, 执保…), the serial and
 * 号, optionally 之一: `(2026)粤0106民初123号`, `（2025）最高法民终12号`. Full- or half-width brackets.
 */
export const COURT_CASE_NUMBER =
  /^[(（][0-9]{4}[)）]\p{Script=Han}{1,3}[0-9]{0,4}\p{Script=Han}{1,4}[0-9]{1,6}号(之[一二三四五六七八九十0-9]{1,3})?$/u;

/**
 * The registry's own reference for a finding of error: the charset of every reference on the ledger
 * (letters, digits, brackets, _ . / -), 4 to 64 long, with at least one digit, so that a reference
 * number fits and a bare name does not.
 */
export const REGISTRY_ERROR_REFERENCE = /^(?=.*[0-9])[\p{L}\p{N}()（）〔〕[\]_./-]{4,64}$/u;

const ReferenceRules: Readonly<Record<CorrectionBasisKind, { pattern: RegExp; message: string }>> = {
  COURT_DECISION: {
    pattern: COURT_CASE_NUMBER,
    message: 'must be the court case number of the decision, such as (2026)粤0106民初123号',
  },
  REGISTRY_ERROR: {
    pattern: REGISTRY_ERROR_REFERENCE,
    message:
      "must be the registry's reference for its finding of error: 4 to 64 letters, digits, brackets or _ . / -, " +
      'with at least one digit',
  },
};

/** The pattern a reference of each kind must match (after trimming). */
export const CorrectionReferencePatterns: Readonly<Record<CorrectionBasisKind, RegExp>> = {
  COURT_DECISION: ReferenceRules.COURT_DECISION.pattern,
  REGISTRY_ERROR: ReferenceRules.REGISTRY_ERROR.pattern,
};

const BASIS_FIELDS: ReadonlySet<string> = new Set(['kind', 'reference']);

export function isCorrectionBasisKind(value: unknown): value is CorrectionBasisKind {
  return typeof value === 'string' && (CorrectionBasisKinds as readonly string[]).includes(value);
}

/** Why `reference` is not a valid reference for a basis of `kind` (after trimming), or null when it is. */
export function correctionReferenceProblem(kind: CorrectionBasisKind, reference: string): string | null {
  const rule = ReferenceRules[kind];
  return rule.pattern.test(reference.trim()) ? null : rule.message;
}

/**
 * The `correctionBasis` field of a Register request: null when absent; otherwise every problem is
 * added to `problems` (fields `correctionBasis`, `correctionBasis.kind`, `correctionBasis.reference`).
 * Unknown members are refused, so nothing beyond the two public facts reaches the block.
 */
export function parseCorrectionBasis(raw: unknown, problems: ErrorDetail[]): CorrectionBasis | null {
  if (raw === undefined || raw === null) {
    return null;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ field: 'correctionBasis', message: 'must be an object { kind, reference }' });
    return null;
  }
  const fields = raw as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !BASIS_FIELDS.has(key));
  if (unknown.length > 0) {
    problems.push({ field: 'correctionBasis', message: 'may hold only kind and reference' });
  }
  const { kind, reference } = fields;
  if (!isCorrectionBasisKind(kind)) {
    problems.push({
      field: 'correctionBasis.kind',
      message: `must be one of ${CorrectionBasisKinds.join(', ')}`,
    });
    return null;
  }
  const problem =
    typeof reference === 'string'
      ? correctionReferenceProblem(kind, reference)
      : ReferenceRules[kind].message;
  if (typeof reference !== 'string' || problem !== null) {
    problems.push({ field: 'correctionBasis.reference', message: problem ?? ReferenceRules[kind].message });
    return null;
  }
  return unknown.length > 0 ? null : { kind, reference: reference.trim() };
}
