import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { WasteAnomalyQueryService } from './queries/waste-anomaly-query.service';
import { WasteBagQueryService } from './queries/waste-bag-query.service';
import { WasteDailyStatsService } from './queries/waste-daily-stats.service';
import { WasteArrivalDeadline } from './queries/waste-arrival-deadline';
import { WasteFleetQueryService } from './queries/waste-fleet-query.service';
import { WasteLoadQueryService } from './queries/waste-load-query.service';
import { WasteFleetIndexController } from './waste-fleet-index.controller';
import { WasteIndexController } from './waste-index.controller';
import { WasteStatsService } from './waste-stats.service';
import { WasteController } from './waste.controller';
import { WasteFleetController } from './waste-fleet.controller';
import { WasteFleetService } from './waste-fleet.service';
import { WasteService } from './waste.service';

/**
 * The waste routes of API.md. Writes and the bag trace go to the ledger (FabricModule's LEDGER_CLIENT);
 * station statistics, the bag, anomaly, vehicle, bin and load lists and the daily totals are read from
 * the index (DatabaseModule's Database, a single instance however often imported); the load lists ask
 * the ledger's arrival deadline too. The projectors filling the index are registered with IndexModule, not here:
 * `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`.
 */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [WasteController, WasteFleetController, WasteIndexController, WasteFleetIndexController],
  providers: [
    WasteService,
    WasteFleetService,
    WasteStatsService,
    WasteBagQueryService,
    WasteAnomalyQueryService,
    WasteDailyStatsService,
    WasteFleetQueryService,
    WasteLoadQueryService,
    WasteArrivalDeadline,
  ],
})
export class WasteModule {}
