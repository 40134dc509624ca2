import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { HolderCheck } from './holder-check/holder-check';
import {
  HOLDER_CHECK_LOCKOUT_OPTIONS,
  HolderCheckLockout,
  type HolderCheckLockoutOptions,
} from './holder-check/holder-check-lockout';
import { VerifyController } from './verify.controller';
import { VerifyService } from './verify.service';
import { VERIFY_SETTINGS, type VerifySettings, verifySettingsFrom } from './verify.settings';

/** The public verification routes (/api/v1/verify/**): ledger reads with proofs, QR codes. */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [VerifyController],
  providers: [
    { provide: VERIFY_SETTINGS, useFactory: verifySettingsFrom, inject: [ConfigService] },
    {
      provide: HOLDER_CHECK_LOCKOUT_OPTIONS,
      inject: [VERIFY_SETTINGS],
      useFactory: (settings: VerifySettings): HolderCheckLockoutOptions => ({
        maxFailures: settings.holderCheckMaxFailures,
      }),
    },
    HolderCheckLockout,
    HolderCheck,
    VerifyService,
  ],
})
export class VerifyModule {}
