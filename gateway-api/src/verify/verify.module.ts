import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';

import { type EnvironmentVariables } from '../config/env.schema';
import { FabricModule } from '../fabric/fabric.module';
import { VerifyController } from './verify.controller';
import { VerifyService } from './verify.service';
import { VERIFY_SETTINGS, verifySettingsFrom } from './verify.settings';

/** The public verification routes (/api/v1/verify/**): ledger reads with proofs, QR codes. */
@Module({
  imports: [
    FabricModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => {
        const { rateWindowMs, rateLimit } = verifySettingsFrom(config);
        return { throttlers: [{ ttl: rateWindowMs, limit: rateLimit }] };
      },
    }),
  ],
  controllers: [VerifyController],
  providers: [
    { provide: VERIFY_SETTINGS, useFactory: verifySettingsFrom, inject: [ConfigService] },
    VerifyService,
  ],
})
export class VerifyModule {}
