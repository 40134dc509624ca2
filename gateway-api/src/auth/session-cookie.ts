// The console's session cookie: its name, how it is set and cleared, and how it is read back.
// Express does not parse cookies, and one named value is all the gateway reads, so this is a small
// reader of the Cookie header rather than another middleware.

import { SESSION_MAX_AGE_MS } from './console-sessions';

export const SESSION_COOKIE = 'govtrace_console';
/** The header an unsafe request of a console session carries its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** Session ids are base64url; anything else in the cookie is not one of ours. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** The session id the Cookie header carries, or undefined. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return undefined;
}

/**
 * HttpOnly: scripts never see it. SameSite=Strict: no other site's page can make the browser send
 * it. Secure when the console is served over HTTPS (PUBLIC_BASE_URL), so it never travels in clear.
 */
export function sessionCookie(id: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_MAX_AGE_MS / 1000);
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** Methods that change something: a session must prove them with its CSRF token. */
export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
