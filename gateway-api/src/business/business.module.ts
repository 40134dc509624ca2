import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { BusinessIndexController } from './business-index.controller';
import { BusinessController } from './business.controller';
import { BusinessService } from './business.service';
import { BusinessQueryService } from './projection/business-query.service';
import { BusinessCalendarModule } from './working-calendar';

/**
 * Business opening (开办企业): the ledger routes (FabricModule's LEDGER_CLIENT) and the index routes
 * (DatabaseModule's Database, the same single instance IndexModule uses). The projectors are not
 * provided here: they run inside IndexModule (see BUSINESS_PROJECTORS).
 */
@Module({
  imports: [FabricModule, DatabaseModule, BusinessCalendarModule],
  controllers: [BusinessController, BusinessIndexController],
  providers: [BusinessService, BusinessQueryService],
})
export class BusinessModule {}
