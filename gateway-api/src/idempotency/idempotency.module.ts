import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { DatabaseModule } from '../index-db/database/database.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyJanitor } from './idempotency.janitor';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
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
      }),
    },
    IdempotencyStore,
    IdempotencyInterceptor,
    IdempotencyJanitor,
  ],
  exports: [IdempotencyInterceptor, IdempotencyStore],
})
export class IdempotencyModule {}
