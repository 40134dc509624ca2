import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { IdentitiesModule } from '../identities/identities.module';
import { AuthGuard } from './auth.guard';
import { ConsoleSessions } from './console-sessions';
import { SessionAuthenticator } from './session-authenticator';
import { TokenAuthenticator } from './token-authenticator';

/**
 * Bearer-token (and staff console session) authentication for every route (a global guard), with @Public() and @Roles(...).
 * Importing this module once, in AppModule, is what turns it on.
 */
@Module({
  imports: [IdentitiesModule],
  providers: [
    TokenAuthenticator,
    { provide: ConsoleSessions, useFactory: (): ConsoleSessions => new ConsoleSessions() },
    SessionAuthenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenAuthenticator, ConsoleSessions, SessionAuthenticator],
})
export class AuthModule {}
