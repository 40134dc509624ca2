import { Injectable } from '@nestjs/common';

import { IdentityStoreService } from '../identities/identity-store.service';
import { ConsoleSessions, type ConsoleSession, sameSecret } from './console-sessions';
import { type Principal, principalOfIdentity } from './principal';

export type SessionAuthentication =
  | { readonly ok: true; readonly principal: Principal; readonly session: ConsoleSession }
  | { readonly ok: false };

/**
 * A console session as a principal. The session only names the user; who they are and whether they
 * may still act is read from identities.json on every request, as for a bearer token: a revoked
 * user, or one whose token was re-issued, is signed out (and the session forgotten) at once.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly identities: IdentityStoreService,
  ) {}

  async authenticate(sessionId: string): Promise<SessionAuthentication> {
    const session = this.sessions.find(sessionId);
    if (session === undefined) return { ok: false };
    const user = await this.identities.findUser(session.user);
    if (user === undefined || user.revoked || !sameSecret(user.tokenSha256, session.tokenSha256)) {
      this.sessions.close(session.id);
      return { ok: false };
    }
    return { ok: true, principal: principalOfIdentity(user), session };
  }
}
