import { randomBytes, timingSafeEqual } from 'node:crypto';

// The staff console's sessions. A clerk signs in once with their API token (or user name and token
// as the password); the browser then holds only an opaque session id in an HttpOnly cookie, so no
// script on the page can read a credential. Sessions live in this gateway process: a restart signs
// everyone out, which is the safe failure. Each session remembers the digest of the token it was
// opened with, and every request re-checks it against identities.json (session-authenticator.ts),
// so revoking or re-issuing a user's token ends their sessions at once.

/** Idle time after which a session ends (a clerk away from the desk). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** A working day: after this a session ends whatever its use. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** Open sessions kept at most; the least recently used goes first beyond it. */
export const MAX_SESSIONS = 10_000;

export interface ConsoleSession {
  readonly id: string;
  readonly user: string;
  /** hex SHA-256 of the token the session was opened with. */
  readonly tokenSha256: string;
  /** The synchronizer token every unsafe request of this session must echo in X-CSRF-Token. */
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
}

const newSecret = (): string => randomBytes(32).toString('base64url');

/** Compares two secrets in constant time (lengths differ: not equal, without comparing). */
export function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export class ConsoleSessions {
  // a Map iterates in insertion order; touching a session re-inserts it, so the first is the LRU
  readonly #sessions = new Map<string, ConsoleSession>();

  constructor(private readonly now: () => number = Date.now) {}

  open(user: string, tokenSha256: string): ConsoleSession {
    const at = this.now();
    const session: ConsoleSession = {
      id: newSecret(),
      user,
      tokenSha256,
      csrfToken: newSecret(),
      createdAt: at,
      lastSeenAt: at,
    };
    this.#sessions.set(session.id, session);
    while (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next();
      if (oldest.done === true) break;
      this.#sessions.delete(oldest.value);
    }
    return session;
  }

  /** The live session with this id, touched; undefined (and forgotten) when expired or unknown. */
  find(id: string): ConsoleSession | undefined {
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    const at = this.now();
    if (at - session.lastSeenAt > SESSION_IDLE_MS || at - session.createdAt > SESSION_MAX_AGE_MS) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = at;
    this.#sessions.delete(id);
    this.#sessions.set(id, session);
    return session;
  }

  close(id: string): void {
    this.#sessions.delete(id);
  }

  get size(): number {
    return this.#sessions.size;
  }
}
