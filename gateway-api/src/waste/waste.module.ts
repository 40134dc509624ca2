import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { WasteAnomalyQueryService } from './queries/waste-anomaly-query.service';
import { WasteBagQueryService } from './queries/waste-bag-query.service';
import { WasteDailyStatsService } from './queries/waste-daily-stats.service';
import { WasteIndexController } from './waste-index.controller';
import { WasteStatsService } from './waste-stats.service';
import { WasteController } from './waste.controller';
import { WasteFleetController } from './waste-fleet.controller';
import { WasteFleetService } from './waste-fleet.service';
import { WasteService } from './waste.service';

/**
 * The waste routes of API.md. Writes and the bag trace go to the ledger (FabricModule's LEDGER_CLIENT);
 * station statistics, the bag and anomaly lists and the daily totals are read from the index (DatabaseModule's Database, a single instance however
 * often imported). The projectors filling the index are registered with IndexModule, not here:
 * `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`.
 */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [WasteController, WasteFleetController, WasteIndexController],
  providers: [
    WasteService,
    WasteFleetService,
    WasteStatsService,
    WasteBagQueryService,
    WasteAnomalyQueryService,
    WasteDailyStatsService,
  ],
})
export class WasteModule {}
