import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { AuthModule } from './auth/auth.module';
import { BUSINESS_PROJECTORS, BusinessCalendarModule, BusinessModule } from './business';
import { ConsoleModule } from './console';
import { validateEnv } from './config/validate-env';
import { DepartmentsModule } from './departments/departments.module';
import { FabricModule } from './fabric/fabric.module';
import { FabricReadinessCheck } from './fabric/fabric.readiness';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IndexReadinessCheck } from './index-db/index-readiness.check';
import { IndexModule } from './index-db/index.module';
import { TransactionLookupModule } from './transaction-lookup/transaction-lookup.module';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsService } from './metrics/metrics.service';
import { PublicRateLimitModule } from './public-rate-limit';
import { REAL_ESTATE_PROJECTORS, RealEstateModule } from './real-estate';
import { testFixtureModules } from './smoke/test-fixture-modules';
import { VerifyModule } from './verify/verify.module';
import { VerifyPageModule } from './verify-page';
import { WASTE_PROJECTORS, WasteModule } from './waste';

// One value, imported wherever the index is needed, so the process runs exactly one event listener.
const indexModule = IndexModule.register({
  imports: [FabricModule, MetricsModule, BusinessCalendarModule],
  projectors: [...REAL_ESTATE_PROJECTORS, ...BUSINESS_PROJECTORS, ...WASTE_PROJECTORS],
  lagSink: MetricsService,
});

@Module({
  imports: [
    // validate runs when this module is loaded: a bad variable stops start-up before anything listens
    ConfigModule.forRoot({ isGlobal: true, validate: validateEnv }),
    // before authentication: another department's route answers 404 whatever the token
    DepartmentsModule,
    AuthModule,
    // after AuthModule: the rate limit of the public routes runs once the token is read
    PublicRateLimitModule,
    MetricsModule,
    indexModule,
    IdempotencyModule,
    HealthModule.register({
      imports: [FabricModule, indexModule],
      checks: [FabricReadinessCheck, IndexReadinessCheck],
    }),
    TransactionLookupModule,
    // the smoke routes exist only for the e2e tests (GOVTRACE_TEST_FIXTURES=smoke)
    ...testFixtureModules(),
    RealEstateModule,
    BusinessModule,
    WasteModule,
    VerifyModule,
    VerifyPageModule,
    ConsoleModule,
  ],
  // Every POST honours Idempotency-Key (API.md "Writes"); other methods pass straight through.
  providers: [{ provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
})
export class AppModule {}
