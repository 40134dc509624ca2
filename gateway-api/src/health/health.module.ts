import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';

import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { ProcessCheck } from './process.check';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

export interface HealthModuleOptions {
  /** Modules that export the checks below (e.g. the Fabric module exporting its check). */
  readonly imports?: ModuleMetadata['imports'];
  /** Checks /health/ready runs besides the process check; each is injected from `imports`. */
  readonly checks?: readonly Type<ReadinessCheck>[];
}

/**
 * GET /health and GET /health/ready. Readiness is an injected list, so a feature adds its check by
 * exporting it and being named in `HealthModule.register(...)` in AppModule; nothing here changes.
 */
@Module({})
export class HealthModule {
  static register(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        HealthService,
        ProcessCheck,
        {
          provide: READINESS_CHECKS,
          useFactory: (...checks: ReadinessCheck[]): ReadinessCheck[] => checks,
          inject: [ProcessCheck, ...(options.checks ?? [])],
        },
      ],
    };
  }
}
