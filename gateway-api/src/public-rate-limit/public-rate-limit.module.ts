import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';

import { type EnvironmentVariables } from '../config/env.schema';
import { HitLogThrottlerStorage } from './hit-log-storage';
import { PublicRouteThrottlerGuard } from './public-route-throttler.guard';
import { OPERATIONS_LIMIT, PublicThrottlers } from './public-throttlers';

/** Rate limits of the public routes (public-route-throttler.guard.ts); in-memory, per process. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
        // the library's counting at a constant cost per request (hit-log-storage.ts)
        storage: new HitLogThrottlerStorage(),
        throttlers: [
          {
            name: PublicThrottlers.Public,
            ttl: config.get('VERIFY_RATE_WINDOW_MS', { infer: true }),
            limit: config.get('VERIFY_RATE_LIMIT', { infer: true }),
          },
          { name: PublicThrottlers.Operations, ttl: OPERATIONS_LIMIT.ttlMs, limit: OPERATIONS_LIMIT.limit },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: PublicRouteThrottlerGuard }],
})
export class PublicRateLimitModule {}
