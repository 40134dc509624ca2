import { type ErrorDetail } from '../common/errors';
import {
  type CorrectionBasisKind,
  correctionReferenceProblem,
  parseCorrectionBasis,
} from './correction-basis';

// The reference patterns of a correction basis, which the gateway's DTO applies too.

describe('correctionReferenceProblem', () => {
  it.each<[CorrectionBasisKind, string]>([
    ['COURT_DECISION', '(2026)粤0106民初123号'],
    ['COURT_DECISION', '（2025）最高法民终12号'],
    ['COURT_DECISION', '(2026)粤01民终1234号之一'],
    ['COURT_DECISION', '(2026)京0101执异9号'],
    ['COURT_DECISION', ' (2026)粤0106民初123号 '],
    ['REGISTRY_ERROR', 'GZBDC-GZ-2026-0042'],
    ['REGISTRY_ERROR', '穗不动产更〔2026〕12号'],
    ['REGISTRY_ERROR', 'ERR/2026/7'],
  ])('accepts a %s reference %s', (kind, reference) => {
    expect(correctionReferenceProblem(kind, reference)).toBeNull();
  });

  it.each<[CorrectionBasisKind, string]>([
    ['COURT_DECISION', 'GZBDC-GZ-2026-0042'],
    ['COURT_DECISION', '(26)粤0106民初123号'],
    ['COURT_DECISION', '(2026)粤0106民初号'],
    ['COURT_DECISION', '(2026)粤0106民初123'],
    ['COURT_DECISION', '张晓三'],
    ['COURT_DECISION', ''],
    ['REGISTRY_ERROR', '张晓三'],
    ['REGISTRY_ERROR', 'ERR'],
    ['REGISTRY_ERROR', 'ERR 2026 7'],
    ['REGISTRY_ERROR', 'ERR:2026'],
    ['REGISTRY_ERROR', `E${'1'.repeat(64)}`],
    ['REGISTRY_ERROR', 'ERR-2026\n7'],
  ])('refuses a %s reference %j', (kind, reference) => {
    expect(correctionReferenceProblem(kind, reference)).toEqual(expect.any(String));
  });
});

describe('parseCorrectionBasis', () => {
  it('answers null when absent and the trimmed basis when valid, with no problem', () => {
    const problems: ErrorDetail[] = [];
    expect(parseCorrectionBasis(undefined, problems)).toBeNull();
    expect(parseCorrectionBasis(null, problems)).toBeNull();
    expect(parseCorrectionBasis({ kind: 'REGISTRY_ERROR', reference: ' ERR-2026-7 ' }, problems)).toEqual({
      kind: 'REGISTRY_ERROR',
      reference: 'ERR-2026-7',
    });
    expect(problems).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['an array', [], ['correctionBasis']],
    ['a string', 'ERR-2026-7', ['correctionBasis']],
    ['an unknown kind', { kind: 'court', reference: 'ERR-2026-7' }, ['correctionBasis.kind']],
    ['a numeric reference', { kind: 'REGISTRY_ERROR', reference: 20267 }, ['correctionBasis.reference']],
    ['an extra member', { kind: 'REGISTRY_ERROR', reference: 'ERR-2026-7', note: 'x' }, ['correctionBasis']],
  ])('reports %s, naming the field', (_name, raw, fields) => {
    const problems: ErrorDetail[] = [];
    expect(parseCorrectionBasis(raw, problems)).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual(fields);
  });
});
