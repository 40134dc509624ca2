import { Get, Headers, Param, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';

import { CurrentPrincipal } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { listAnswer, wantsCsv } from '../common/csv';
import { ErrorResponse } from '../common/errors';
import { WasteIndexApi } from './waste-api.decorators';
import { BinPage, ListBinsQuery } from './dto/bin.dto';
import { DailyStatsQueryDto } from './dto/daily-stats.dto';
import { ListLoadsQuery, LoadPage } from './dto/load.dto';
import { VehicleDailyStatsResponse } from './dto/vehicle-stats.dto';
import { ListVehiclesQuery, VehicleParams, VehiclePage } from './dto/vehicle.dto';
import { WasteArrivalDeadline } from './queries/waste-arrival-deadline';
import { WasteFleetQueryService } from './queries/waste-fleet-query.service';
import { WasteLoadQueryService } from './queries/waste-load-query.service';
import { BIN_CSV_COLUMNS, LOAD_CSV_COLUMNS, VEHICLE_CSV_COLUMNS, vehicleDailyCsv } from './waste-fleet-csv';

/**
 * Vehicles, bins and loads from the off-chain index, for any authenticated caller, as the other waste
 * lists. Whether a load is OVERDUE depends on the ledger's arrival deadline (GetConfig, through the
 * caller's identity, reused a minute), so the load routes may answer 503 when the network cannot.
 */
@WasteIndexApi()
export class WasteFleetIndexController {
  constructor(
    private readonly fleet: WasteFleetQueryService,
    private readonly loads: WasteLoadQueryService,
    private readonly deadline: WasteArrivalDeadline,
  ) {}

  @Get('vehicles')
  @ApiOperation({ summary: 'Registered vehicles by status and operating company, paged; or all as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: VehiclePage })
  listVehicles(
    @Query() query: ListVehiclesQuery,
    @Headers('accept') accept?: string,
  ): Promise<VehiclePage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.fleet.listVehicles({ ...query, page, pageSize }),
      columns: VEHICLE_CSV_COLUMNS,
      filename: 'waste-vehicles',
    });
  }

  @Get('bins')
  @ApiOperation({ summary: 'Registered bins by station and status, paged; or all as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: BinPage })
  listBins(
    @Query() query: ListBinsQuery,
    @Headers('accept') accept?: string,
  ): Promise<BinPage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.fleet.listBins({ ...query, page, pageSize }),
      columns: BIN_CSV_COLUMNS,
      filename: 'waste-bins',
    });
  }

  @Get('loads')
  @ApiOperation({
    summary:
      'Loads by vehicle, site, status (IN_TRANSIT, ARRIVED, OVERDUE) and collection day, newest first; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LoadPage })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: no arrival deadline' })
  async listLoads(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListLoadsQuery,
    @Headers('accept') accept?: string,
  ): Promise<LoadPage | StreamableFile> {
    const overdueBefore = await this.deadline.overdueBefore(caller);
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.loads.listLoads({ ...query, page, pageSize }, overdueBefore),
      columns: LOAD_CSV_COLUMNS,
      filename: 'waste-loads',
    });
  }

  @Get('vehicles/:vehicleId/stats/daily')
  @ApiOperation({ summary: "A vehicle's trips, weight and anomalies per day (UTC+08:00)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: VehicleDailyStatsResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: vehicle not in the index' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: no arrival deadline' })
  async vehicleDaily(
    @CurrentPrincipal() caller: Principal,
    @Param() { vehicleId }: VehicleParams,
    @Query() query: DailyStatsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<VehicleDailyStatsResponse | StreamableFile> {
    const overdueBefore = await this.deadline.overdueBefore(caller);
    const stats = await this.loads.vehicleDaily(vehicleId, query.from, query.to, overdueBefore);
    return wantsCsv(query.format, accept) ? vehicleDailyCsv(stats) : stats;
  }
}
