// The public arguments of OpenCase, sent as one JSON string (the API body without the legal
// representative, whose data travels as transient data). Every field is validated here and all problems
// are reported at once, naming the field.

import { type ErrorDetail, ValidationError } from '../common/errors';
import { parseUscc } from '../common/identifiers';
import {
  enterpriseNameProblems,
  hasControlCharacter,
  isWellFormed,
  normaliseEnterpriseName,
} from './enterprise-name';
import { refuseNulCharacters } from '../common/nul-characters';

/** Legal forms a case can register (市场主体类型). */
export const EntityTypes = [
  'LIMITED_LIABILITY_COMPANY', // 有限责任公司
  'JOINT_STOCK_COMPANY', // 股份有限公司
  'SOLE_PROPRIETORSHIP', // 个人独资企业
  'PARTNERSHIP', // 合伙企业
  'INDIVIDUAL_BUSINESS', // 个体工商户
  'FARMERS_COOPERATIVE', // 农民专业合作社
  'BRANCH', // 分支机构
] as const;

export type EntityType = (typeof EntityTypes)[number];

export const ADDRESS_MAX_CHARS = 200;
export const BUSINESS_SCOPE_MAX_CHARS = 2000;
/** Ten trillion yuan: far above any registered capital, well inside safe integers when counted in fen. */
export const MAX_CAPITAL_FEN = 1_000_000_000_000_000;
const CAPITAL_PATTERN = /^(0|[1-9]\d{0,13})(?:\.(\d{1,2}))?$/;
const FIELDS = ['address', 'businessScope', 'entityType', 'name', 'registeredCapitalCny', 'uscc'];

export interface OpenCaseRequest {
  /** Canonical (upper-case) USCC. */
  readonly uscc: string;
  /** As typed, trimmed: what the licence shows. */
  readonly name: string;
  /** Comparison form for uniqueness (see enterprise-name.ts). */
  readonly normalisedName: string;
  readonly entityType: EntityType;
  /** Registered capital in fen (1 yuan = 100 fen): integers only, no floating point. */
  readonly registeredCapitalFen: number;
  readonly address: string;
  readonly businessScope: string;
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (EntityTypes as readonly string[]).includes(value);
}

/** `registeredCapitalCny` (a number or decimal string of yuan, at most 2 decimals) in fen. */
export function capitalToFen(value: unknown): number | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const match = typeof text === 'string' ? CAPITAL_PATTERN.exec(text) : null;
  if (match === null) {
    return undefined;
  }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 && fen <= MAX_CAPITAL_FEN ? fen : undefined;
}

export function parseOpenCaseRequest(requestJson: string): OpenCaseRequest {
  const body = parseObject(requestJson);
  const problems: ErrorDetail[] = Object.keys(body)
    .filter((key) => !FIELDS.includes(key))
    .sort()
    .map((key) => ({
      field: key,
      message:
        key === 'legalRepresentative'
          ? 'personal data must be sent as transient data, never as an argument'
          : 'unknown field',
    }));

  const uscc = typeof body.uscc === 'string' ? parseUscc(body.uscc) : undefined;
  if (uscc === undefined || !uscc.valid) {
    problems.push({
      field: 'uscc',
      message: uscc === undefined ? 'must be text' : `invalid USCC: ${uscc.reason}`,
    });
  }
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  problems.push(...enterpriseNameProblems(name));
  if (!isEntityType(body.entityType)) {
    problems.push({ field: 'entityType', message: `must be one of ${EntityTypes.join(', ')}` });
  }
  const fen = capitalToFen(body.registeredCapitalCny);
  if (fen === undefined) {
    problems.push({
      field: 'registeredCapitalCny',
      message: 'must be a positive amount of yuan with at most 2 decimals, below 10 trillion',
    });
  }
  const address = textField(body.address, 'address', ADDRESS_MAX_CHARS, problems);
  const businessScope = textField(body.businessScope, 'businessScope', BUSINESS_SCOPE_MAX_CHARS, problems);

  if (
    problems.length > 0 ||
    uscc === undefined ||
    !uscc.valid ||
    fen === undefined ||
    !isEntityType(body.entityType)
  ) {
    throw new ValidationError('invalid business opening request', problems);
  }
  return {
    uscc: uscc.value.canonical,
    name,
    normalisedName: normaliseEnterpriseName(name),
    entityType: body.entityType,
    registeredCapitalFen: fen,
    address,
    businessScope,
  };
}

function parseObject(requestJson: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(requestJson);
  } catch {
    throw new ValidationError('the request must be JSON', [
      { field: 'requestJson', message: 'not valid JSON' },
    ]);
  }
  refuseNulCharacters(raw, 'requestJson');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError('the request must be a JSON object', [
      { field: 'requestJson', message: 'must be an object' },
    ]);
  }
  return raw as Record<string, unknown>;
}

/** Trimmed free text of 1..max characters without control characters (line breaks allowed). */
export function textField(value: unknown, field: string, max: number, problems: ErrorDetail[]): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const length = [...text].length;
  if (length === 0 || length > max || hasControlCharacter(text, '\t\n\r') || !isWellFormed(text)) {
    problems.push({ field, message: `must be 1 to ${max} characters of text without control characters` });
  }
  return text;
}
