import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyJanitor } from './idempotency.janitor';
import { IDEMPOTENCY_OPTIONS, idempotencyLeaseSeconds, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

/**
 * Idempotency-Key support: exports IdempotencyInterceptor (apply it globally with APP_INTERCEPTOR
 * or per controller with @UseInterceptors) and the store behind it. FabricModule gives the ledger
 * look-up that settles a retry of a write whose commit was never confirmed.
 */
@Module({
  imports: [DatabaseModule, FabricModule],
  providers: [
    {
      provide: IDEMPOTENCY_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): IdempotencyOptions => ({
        ttlSeconds: config.get('IDEMPOTENCY_TTL_SECONDS', { infer: true }),
        leaseSeconds: idempotencyLeaseSeconds({
          endorseMs: config.get('FABRIC_ENDORSE_TIMEOUT_MS', { infer: true }),
          submitMs: config.get('FABRIC_SUBMIT_TIMEOUT_MS', { infer: true }),
          commitStatusMs: config.get('FABRIC_COMMIT_STATUS_TIMEOUT_MS', { infer: true }),
          commitRetries: config.get('FABRIC_COMMIT_RETRIES', { infer: true }),
        }),
      }),
    },
    IdempotencyStore,
    IdempotencyInterceptor,
    IdempotencyJanitor,
  ],
  exports: [IdempotencyInterceptor, IdempotencyStore],
})
export class IdempotencyModule {}
