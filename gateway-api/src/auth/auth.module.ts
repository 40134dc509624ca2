import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { IdentitiesModule } from '../identities/identities.module';
import { AuthGuard } from './auth.guard';
import { TokenAuthenticator } from './token-authenticator';

/**
 * Bearer-token authentication for every route (a global guard), with @Public() and @Roles(...).
 * Importing this module once, in AppModule, is what turns it on.
 */
@Module({
  imports: [IdentitiesModule],
  providers: [TokenAuthenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenAuthenticator],
})
export class AuthModule {}
