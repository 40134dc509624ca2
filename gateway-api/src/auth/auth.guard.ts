import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request, type Response } from 'express';

import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { bearerToken } from './bearer-token';
import { type Principal, PRINCIPAL_KEY, type RequestWithPrincipal } from './principal';
import { sameSecret } from './console-sessions';
import { SessionAuthenticator } from './session-authenticator';
import { CSRF_HEADER, isUnsafeMethod, sessionIdFrom } from './session-cookie';
import { TokenAuthenticator } from './token-authenticator';

/** What the Authorization header of a request amounts to. */
type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'refused'; readonly reason: string }
  /** A live console session whose unsafe request lacks its CSRF token: 403, never 401. */
  | { readonly kind: 'forged'; readonly reason: string }
  | { readonly kind: 'valid'; readonly principal: Principal };

/**
 * The global guard (APP_GUARD): every route needs a valid bearer token, or a staff console session
 * (session-cookie.ts), unless marked @Public(); @Roles(...) narrows it to some roles. It sets the
 * principal on the request (principal.ts). A request with an Authorization header is judged by it
 * alone; a session's unsafe request (POST, PUT, DELETE …) must carry the session's CSRF token in
 * X-CSRF-Token, so a page on another site can never make a signed-in browser write.
 *
 * On a public route a valid token still sets the principal (some public answers say more to staff)
 * and a bad one is ignored, so a stale token in a browser never breaks the citizen pages.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: TokenAuthenticator,
    private readonly sessions: SessionAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & RequestWithPrincipal>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;

    const credentials = await this.credentialsOf(request);
    if (credentials.kind === 'valid') request[PRINCIPAL_KEY] = credentials.principal;
    if (isPublic) return true;
    if (credentials.kind === 'forged') {
      throw new ForbiddenError(credentials.reason, {
        details: [{ field: CSRF_HEADER, message: 'must be the CSRF token of this console session' }],
      });
    }
    if (credentials.kind !== 'valid') {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="govtrace"');
      throw new UnauthenticatedError(
        credentials.kind === 'none' ? 'Missing bearer token' : credentials.reason,
      );
    }
    this.checkRoles(credentials.principal, targets);
    return true;
  }

  private checkRoles(principal: Principal, targets: Parameters<Reflector['getAllAndOverride']>[1]): void {
    const roles = this.reflector.getAllAndOverride<readonly string[] | undefined>(ROLES_KEY, targets);
    if (roles === undefined || roles.includes(principal.role)) return;
    throw new ForbiddenError(
      `This operation needs the role ${roles.join(' or ')}; ${principal.user} has the role ${principal.role}`,
      { details: [{ message: 'role not allowed', required: roles.join(','), role: principal.role }] },
    );
  }

  private async credentialsOf(request: Request): Promise<Credentials> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return this.sessionCredentialsOf(request);
    if (token === null)
      return { kind: 'refused', reason: 'The Authorization header must be "Bearer <token>"' };
    const result = await this.authenticator.authenticate(token);
    // unknown and revoked read the same, so a caller cannot learn that a token once existed
    return result.ok
      ? { kind: 'valid', principal: result.principal }
      : { kind: 'refused', reason: 'Invalid or revoked token' };
  }

  private async sessionCredentialsOf(request: Request): Promise<Credentials> {
    const sessionId = sessionIdFrom(request.headers.cookie);
    if (sessionId === undefined) return { kind: 'none' };
    const result = await this.sessions.authenticate(sessionId);
    if (!result.ok) return { kind: 'refused', reason: 'The console session has ended; sign in again' };
    if (isUnsafeMethod(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !sameSecret(presented, result.session.csrfToken)) {
        return { kind: 'forged', reason: 'The CSRF token of the console session is missing or wrong' };
      }
    }
    return { kind: 'valid', principal: result.principal };
  }
}
