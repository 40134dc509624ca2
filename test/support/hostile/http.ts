// Raw HTTP for hostile requests: the body is sent exactly as given (a string may be invalid JSON or
// carry `__proto__` keys), headers as given, and the answer is kept as text when it is not JSON.

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly contentType: string;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** Sent as-is when a string; JSON.stringify'd otherwise; nothing when undefined. */
  readonly body?: unknown;
}

export async function send(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, contentType: response.headers.get('content-type') ?? '' };
}

/**
 * Why `answer` breaks API.md "Errors", or undefined when it is fine: every error body is
 * `{ error: { code, message, details?, txId? } }` as JSON, and a 5xx other than 503 is a bug.
 */
export function errorFormatProblem(answer: RawAnswer): string | undefined {
  if (answer.status >= 500 && answer.status !== 503)
    return `status ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.includes('application/json')) return `content-type ${answer.contentType}`;
  const error = (answer.json as { error?: Record<string, unknown> } | undefined)?.error;
  if (typeof error !== 'object' || error === null) return `no error object: ${answer.text.slice(0, 300)}`;
  if (typeof error['code'] !== 'string' || typeof error['message'] !== 'string') {
    return `error without code/message: ${answer.text.slice(0, 300)}`;
  }
  if (error['details'] !== undefined && !Array.isArray(error['details'])) return 'details is not an array';
  return undefined;
}

export const errorCode = (answer: RawAnswer): string | undefined => {
  const error = (answer.json as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
};
