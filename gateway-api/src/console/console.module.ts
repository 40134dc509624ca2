import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { loadPageAssets } from '../common/page-assets/page-assets';
import { CONSOLE_PAGE } from './console-page';
import { CONSOLE_ASSETS, ConsolePageController } from './console-page.controller';
import { ConsoleSessionController } from './console-session.controller';

/**
 * The staff console at /console: its page and files, and its sign-in. Everything it shows or writes
 * goes through the ordinary API routes with the session (auth/session-authenticator.ts).
 */
@Module({
  imports: [AuthModule],
  controllers: [ConsolePageController, ConsoleSessionController],
  providers: [{ provide: CONSOLE_ASSETS, useFactory: () => loadPageAssets(CONSOLE_PAGE) }],
})
export class ConsoleModule {}
