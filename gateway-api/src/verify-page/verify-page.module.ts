import { Module } from '@nestjs/common';

import { loadPageAssets } from './page-assets';
import { PAGE_ASSETS, VerifyPageController } from './verify-page.controller';

/**
 * The citizen verification page. The assets are read when the module starts, so a gateway that
 * cannot find them fails at start-up with the path it looked in, not on a citizen's first visit.
 */
@Module({
  controllers: [VerifyPageController],
  providers: [{ provide: PAGE_ASSETS, useFactory: () => loadPageAssets() }],
})
export class VerifyPageModule {}
