import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { WasteStatsService } from './waste-stats.service';
import { WasteController } from './waste.controller';
import { WasteService } from './waste.service';

/**
 * The waste routes of API.md. Writes and the bag trace go to the ledger (FabricModule's LEDGER_CLIENT);
 * station statistics are read from the index (DatabaseModule's Database, a single instance however
 * often imported). The projectors filling the index are registered with IndexModule, not here:
 * `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`.
 */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [WasteController],
  providers: [WasteService, WasteStatsService],
})
export class WasteModule {}
