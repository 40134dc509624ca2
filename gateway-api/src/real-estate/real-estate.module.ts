import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { RealEstateActsService } from './index/real-estate-acts.service';
import { RealEstateController } from './real-estate.controller';
import { RealEstateService } from './real-estate.service';

/**
 * /api/v1/real-estate/*: writes and single-unit reads through the ledger (LEDGER_CLIENT), lists from
 * the index (Database). The index projector (RealEstateRegisteredProjector) is registered with
 * IndexModule, not here, so there stays one listener.
 */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [RealEstateController],
  providers: [RealEstateService, RealEstateActsService],
})
export class RealEstateModule {}
