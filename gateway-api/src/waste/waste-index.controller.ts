import { Get, Headers, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';

import { listAnswer, wantsCsv } from '../common/csv';
import { ErrorResponse } from '../common/errors';
import { WasteIndexApi } from './waste-api.decorators';
import { AnomalyPage, ListAnomaliesQuery } from './dto/anomaly-list.dto';
import { BagPage, ListBagsQuery } from './dto/bag-list.dto';
import { DailyStatsQueryDto, DailyStatsResponse } from './dto/daily-stats.dto';
import { DistrictParams, StationParams } from './dto/params.dto';
import { WasteAnomalyQueryService } from './queries/waste-anomaly-query.service';
import { WasteBagQueryService } from './queries/waste-bag-query.service';
import { WasteDailyStatsService } from './queries/waste-daily-stats.service';
import { type WasteScope } from './queries/waste-scope';
import { ANOMALY_CSV_COLUMNS, BAG_CSV_COLUMNS, dailyStatsCsv } from './waste-csv';

/**
 * Lists and totals from the off-chain index, for any authenticated caller, as the station statistics
 * route: the index holds no household data (a bag carries its district, category and serial only),
 * and a caller's identity names no station, so "a station operator reads only their station" cannot
 * be told here.
 */
@WasteIndexApi()
export class WasteIndexController {
  constructor(
    private readonly bags: WasteBagQueryService,
    private readonly anomalies: WasteAnomalyQueryService,
    private readonly stats: WasteDailyStatsService,
  ) {}

  @Get('bags')
  @ApiOperation({ summary: 'Bags by district, category and status, paged; or all as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: BagPage })
  listBags(
    @Query() query: ListBagsQuery,
    @Headers('accept') accept?: string,
  ): Promise<BagPage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.bags.listBags({ ...query, page, pageSize }),
      columns: BAG_CSV_COLUMNS,
      filename: 'waste-bags',
    });
  }

  @Get('anomalies')
  @ApiOperation({
    summary: 'Anomalies by kind, station, district and day range, newest first; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AnomalyPage })
  listAnomalies(
    @Query() query: ListAnomaliesQuery,
    @Headers('accept') accept?: string,
  ): Promise<AnomalyPage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.anomalies.listAnomalies({ ...query, page, pageSize }),
      columns: ANOMALY_CSV_COLUMNS,
      filename: 'waste-anomalies',
    });
  }

  @Get('stats/daily')
  @ApiOperation({ summary: "The city's bags, weight, conformance and anomalies per day and category" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DailyStatsResponse })
  cityDaily(
    @Query() query: DailyStatsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<DailyStatsResponse | StreamableFile> {
    return this.daily({ kind: 'CITY' }, query, accept);
  }

  @Get('districts/:districtCode/stats/daily')
  @ApiOperation({
    summary: "A district's (its sites') bags, weight, conformance and anomalies per day and category",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DailyStatsResponse })
  districtDaily(
    @Param() { districtCode }: DistrictParams,
    @Query() query: DailyStatsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<DailyStatsResponse | StreamableFile> {
    return this.daily({ kind: 'DISTRICT', districtCode }, query, accept);
  }

  @Get('stations/:stationId/stats/daily')
  @ApiOperation({ summary: "A station's bags, weight, conformance and anomalies per day and category" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DailyStatsResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: station not in the index' })
  stationDaily(
    @Param() { stationId }: StationParams,
    @Query() query: DailyStatsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<DailyStatsResponse | StreamableFile> {
    return this.daily({ kind: 'STATION', stationId }, query, accept);
  }

  private async daily(
    scope: WasteScope,
    query: DailyStatsQueryDto,
    accept: string | undefined,
  ): Promise<DailyStatsResponse | StreamableFile> {
    const stats = await this.stats.daily(scope, query.from, query.to);
    return wantsCsv(query.format, accept) ? dailyStatsCsv(stats) : stats;
  }
}
