import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { LoopbackOnlyGuard } from './loopback-only.guard';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * GET /metrics and the HTTP request metrics. MetricsService is exported for the features that
 * record their own (the Fabric client, the index's lag gauge).
 */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, HttpMetricsMiddleware, LoopbackOnlyGuard],
  exports: [MetricsService],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
