import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';

import { validateEnv } from './config/validate-env';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    // validate runs when this module is loaded: a bad variable stops start-up before anything listens
    ConfigModule.forRoot({ isGlobal: true, validate: validateEnv }),
    HealthModule.register(),
  ],
})
export class AppModule {}
