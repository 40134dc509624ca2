import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Request, type Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { ConsoleSessions, type ConsoleSession, SESSION_MAX_AGE_MS } from '../auth/console-sessions';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { clearedSessionCookie, sessionCookie, sessionIdFrom } from '../auth/session-cookie';
import { sha256, TokenAuthenticator } from '../auth/token-authenticator';
import { type Principal } from '../auth/principal';
import { ApiError, UnauthenticatedError, ValidationFailedError } from '../common/errors';
import { CitizensRateLimit, OperationsRateLimit } from '../public-rate-limit';
import { ConsoleSessionAnswer, SignInDto } from './sign-in.dto';

const WRONG_CREDENTIALS = 'Wrong user name, password or token, or the account is disabled';

/** The credential a sign-in presents; one way or the other, never both. */
function presentedToken(dto: SignInDto): { token: string; user?: string } {
  const byToken = dto.token !== undefined;
  const byPassword = dto.user !== undefined || dto.password !== undefined;
  if (byToken === byPassword || (byPassword && (dto.user === undefined || dto.password === undefined))) {
    throw new ValidationFailedError('Sign in with a token, or with a user name and password', {
      details: [{ field: byToken ? 'token' : 'password', message: 'give token alone, or user and password' }],
    });
  }
  return dto.token !== undefined
    ? { token: dto.token }
    : { token: dto.password ?? '', user: (dto.user ?? '').trim() };
}

function answer(principal: Principal, session: ConsoleSession): ConsoleSessionAnswer {
  return {
    user: principal.user,
    role: principal.role,
    mspId: principal.mspId,
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.createdAt + SESSION_MAX_AGE_MS).toISOString(),
  };
}

/**
 * The staff console's sign-in: a token (or user name and token as password) becomes a session
 * cookie. Only JSON bodies are accepted, so no page on another site can sign a browser in with a
 * plain form post (login CSRF); sign-out is a DELETE that needs the session's CSRF token. Like the
 * console page, these routes serve the console alone, so they stay out of the API document.
 */
@ApiExcludeController()
@Controller('console/session')
export class ConsoleSessionController {
  constructor(
    private readonly tokens: TokenAuthenticator,
    private readonly sessions: ConsoleSessions,
    private readonly sessionAuthenticator: SessionAuthenticator,
    private readonly config: ConfigService,
  ) {}

  @Post()
  @Public()
  @CitizensRateLimit()
  async signIn(
    @Req() request: Request,
    @Body() dto: SignInDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsoleSessionAnswer> {
    if (request.is('application/json') !== 'application/json') {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        415,
        'Sign in with a JSON body (Content-Type: application/json)',
      );
    }
    const { token, user } = presentedToken(dto);
    const result = await this.tokens.authenticate(token);
    if (!result.ok || (user !== undefined && result.principal.user !== user)) {
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    const session = this.sessions.open(result.principal.user, sha256(token).toString('hex'));
    res.setHeader('Set-Cookie', sessionCookie(session.id, this.secure(request)));
    res.setHeader('Cache-Control', 'no-store');
    return answer(result.principal, session);
  }

  @Get()
  @Public()
  @OperationsRateLimit()
  async current(
    @Req() request: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsoleSessionAnswer> {
    res.setHeader('Cache-Control', 'no-store');
    const id = sessionIdFrom(request.headers.cookie);
    const result = id === undefined ? undefined : await this.sessionAuthenticator.authenticate(id);
    if (result === undefined || !result.ok) throw new UnauthenticatedError('Not signed in to the console');
    return answer(result.principal, result.session);
  }

  /** Not public: the guard accepts it only with the session's CSRF token (or a bearer token). */
  @Delete()
  @HttpCode(204)
  signOut(@Req() request: Request, @Res({ passthrough: true }) res: Response): void {
    const id = sessionIdFrom(request.headers.cookie);
    if (id !== undefined) this.sessions.close(id);
    res.setHeader('Set-Cookie', clearedSessionCookie(this.secure(request)));
  }

  private secure(request: Request): boolean {
    return request.secure || (this.config.get<string>('PUBLIC_BASE_URL') ?? '').startsWith('https:');
  }
}
