// The console talks to the same REST API as every other client; the session cookie (HttpOnly, sent
// by the browser) authenticates it, and every write carries the session's CSRF token and an
// Idempotency-Key, so a double click or a retry after a dropped connection never writes twice.

let csrfToken = null;
let sessionEnded = () => {};

export function useSession(session, onEnded) {
  csrfToken = session?.csrfToken ?? null;
  if (onEnded !== undefined) sessionEnded = onEnded;
}

/** A fresh key for one user action (kept across its retries by the caller). */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

/** `path` with the query's non-empty values. */
export function withQuery(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * → { ok, status, body }: body is the parsed JSON answer (an API error is `{ error: { code,
 * message, details } }`); status 0 when the server could not be reached.
 */
export async function request(method, path, { body, idempotencyKey, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken !== null) init.headers['X-CSRF-Token'] = csrfToken;
    if (idempotencyKey !== undefined) init.headers['Idempotency-Key'] = idempotencyKey;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    return { ok: false, status: 0, body: { error: { code: 'NETWORK', message: String(error) } } };
  }
  const text = await response.text();
  let parsed;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = { error: { code: 'INTERNAL', message: text.slice(0, 200) } };
  }
  if (response.status === 401 && path !== '/console/session') sessionEnded();
  return { ok: response.ok, status: response.status, body: parsed };
}

export const get = (path, query) => request('GET', withQuery(path, query));
export const post = (path, body, idempotencyKey) => request('POST', path, { body, idempotencyKey });
export const put = (path, body, idempotencyKey) => request('PUT', path, { body, idempotencyKey });
