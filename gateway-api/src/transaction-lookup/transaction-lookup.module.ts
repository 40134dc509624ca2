import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { FabricModule } from '../fabric/fabric.module';
import { TransactionLookupController } from './transaction-lookup.controller';
import {
  LEDGER_LOOKUP_LIMITS,
  type LedgerLookupLimits,
  TransactionLookupService,
} from './transaction-lookup.service';

/** GET /api/v1/ledger/transactions/{txId}. */
@Module({
  imports: [FabricModule],
  controllers: [TransactionLookupController],
  providers: [
    {
      provide: LEDGER_LOOKUP_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): LedgerLookupLimits => ({
        maxConcurrent: config.get('VERIFY_MAX_CONCURRENT_READS', { infer: true }),
        maxQueued: config.get('VERIFY_MAX_QUEUED_READS', { infer: true }),
      }),
    },
    TransactionLookupService,
  ],
})
export class TransactionLookupModule {}
