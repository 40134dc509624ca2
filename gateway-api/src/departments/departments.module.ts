import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { DepartmentRoutingMiddleware } from './department-routing.middleware';

/**
 * Routes of departments this gateway does not serve (GATEWAY_DEPARTMENTS) answer 404.
 */
@Module({ providers: [DepartmentRoutingMiddleware] })
export class DepartmentsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DepartmentRoutingMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
