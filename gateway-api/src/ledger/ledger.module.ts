import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { FabricModule } from '../fabric/fabric.module';
import { LedgerController } from './ledger.controller';
import { LEDGER_LOOKUP_LIMITS, type LedgerLookupLimits, LedgerService } from './ledger.service';

/** GET /api/v1/ledger/transactions/{txId}. */
@Module({
  imports: [FabricModule],
  controllers: [LedgerController],
  providers: [
    {
      provide: LEDGER_LOOKUP_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): LedgerLookupLimits => ({
        maxConcurrent: config.get('VERIFY_MAX_CONCURRENT_READS', { infer: true }),
        maxQueued: config.get('VERIFY_MAX_QUEUED_READS', { infer: true }),
      }),
    },
    LedgerService,
  ],
})
export class LedgerModule {}
