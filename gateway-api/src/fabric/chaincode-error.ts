/**
 * The chaincode's coded errors as they reach the gateway. fabric-contract-api passes only an error's
 * message to the peer, so the chaincode writes canonical JSON there (chaincode/README.md, "Error
 * format"), and the peer and gateway wrap it in their own text:
 *
 *   chaincode response 500, {"code":"NOT_FOUND","details":[{"field":"key","message":"…"}],"message":"…"}
 *
 * This is the gateway's own reader of that format (chaincode/src/common/errors.ts writes it; the
 * gateway's build cannot import across packages). The code list must match the chaincode's.
 */
export const CHAINCODE_ERROR_CODES = [
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
] as const;

export type ChaincodeErrorCode = (typeof CHAINCODE_ERROR_CODES)[number];

export interface ChaincodeErrorDetail {
  readonly field?: string;
  readonly message: string;
}

export interface ChaincodeErrorPayload {
  readonly code: ChaincodeErrorCode;
  readonly message: string;
  readonly details: readonly ChaincodeErrorDetail[];
}

const MARKER = '{"code":';

/** The first well-formed chaincode error object inside `text`, or undefined. */
export function findChaincodeError(text: string): ChaincodeErrorPayload | undefined {
  for (let start = text.indexOf(MARKER); start !== -1; start = text.indexOf(MARKER, start + 1)) {
    const json = balancedObjectAt(text, start);
    const payload = json === undefined ? undefined : decode(json);
    if (payload !== undefined) return payload;
  }
  return undefined;
}

/** The JSON object text starting at `start`, up to its matching brace (strings and escapes respected). */
function balancedObjectAt(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

function decode(json: string): ChaincodeErrorPayload | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !isCode(raw['code']) || typeof raw['message'] !== 'string') return undefined;
  const details = raw['details'];
  if (!Array.isArray(details)) return undefined;
  const decoded: ChaincodeErrorDetail[] = [];
  for (const item of details as unknown[]) {
    if (!isRecord(item) || typeof item['message'] !== 'string') return undefined;
    const field = item['field'];
    if (field !== undefined && typeof field !== 'string') return undefined;
    decoded.push(field === undefined ? { message: item['message'] } : { field, message: item['message'] });
  }
  return { code: raw['code'], message: raw['message'], details: decoded };
}

function isCode(value: unknown): value is ChaincodeErrorCode {
  return typeof value === 'string' && (CHAINCODE_ERROR_CODES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
