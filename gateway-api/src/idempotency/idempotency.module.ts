import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { DatabaseModule } from '../index-db/database/database.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyJanitor } from './idempotency.janitor';
import { IDEMPOTENCY_OPTIONS, idempotencyLeaseSeconds, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

/**
 * Idempotency-Key support: exports IdempotencyInterceptor (apply it globally with APP_INTERCEPTOR
 * or per controller with @UseInterceptors) and the store behind it.
 */
@Module({
  imports: [DatabaseModule],
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
