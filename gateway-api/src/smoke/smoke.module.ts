import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { SmokeController } from './smoke.controller';
import { SmokeService } from './smoke.service';

/** POST /api/v1/smoke/values and GET /api/v1/smoke/values/:key. */
@Module({
  imports: [FabricModule],
  controllers: [SmokeController],
  providers: [SmokeService],
})
export class SmokeModule {}
