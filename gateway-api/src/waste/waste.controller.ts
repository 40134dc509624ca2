import { Body, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { Roles as RoleNames } from '../../../chaincode/src/contract';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors';
import { WasteLedgerApi } from './waste-api.decorators';
import { CommissionBagsDto, CommissionBagsResponse } from './dto/bag-batch.dto';
import { CollectionResponse, DeliveryResponse } from './dto/batch-result.dto';
import { RecordCollectionDto, RecordDeliveryDto } from './dto/collection.dto';
import { SetWasteConfigDto, WasteConfigChangeResponse, WasteConfigResponse } from './dto/config.dto';
import { RecordScansDto, RecordScansResponse } from './dto/scans.dto';
import { RegisterSiteDto, WasteSiteResponse } from './dto/site.dto';
import { BagBarcodeParams } from '../common/identifiers/identifier-params';
import { StationParams } from './dto/params.dto';
import { StationStatsQueryDto, StationStatsResponse } from './dto/stats.dto';
import { BagTraceResponse } from './dto/trace.dto';
import { WasteStatsService } from './waste-stats.service';
import { WasteService } from './waste.service';

/** shared/API.md "Waste". Writes answer after the commit; the chaincode checks every role again. */
@WasteLedgerApi()
export class WasteController {
  constructor(
    private readonly waste: WasteService,
    private readonly stats: WasteStatsService,
  ) {}

  @Post('sites')
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Register a collection station, transfer station or treatment facility' })
  @ApiCreatedResponse({ type: WasteSiteResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: the site id is taken' })
  registerSite(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RegisterSiteDto,
  ): Promise<WasteSiteResponse> {
    return this.waste.registerSite(caller, dto);
  }

  @Post('bag-batches')
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Commission a serial range of bags to one household (reference kept private)' })
  @ApiCreatedResponse({ type: CommissionBagsResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: a serial is already commissioned' })
  commissionBags(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: CommissionBagsDto,
  ): Promise<CommissionBagsResponse> {
    return this.waste.commissionBags(caller, dto);
  }

  @Post('scans')
  @Roles(RoleNames.StationOperator, RoleNames.SiteDevice)
  @ApiOperation({ summary: 'Record up to 1000 station scans; answered per scan' })
  @ApiCreatedResponse({ type: RecordScansResponse })
  recordScans(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RecordScansDto,
  ): Promise<RecordScansResponse> {
    return this.waste.recordScans(caller, dto);
  }

  @Post('collections')
  @Roles(RoleNames.Hauler, RoleNames.VehicleDevice)
  @ApiOperation({
    summary:
      'Load bags at a station (hop 1) or a transfer station (hop 2) onto a registered truck; answered per bag',
  })
  @ApiCreatedResponse({ type: CollectionResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: unknown site or vehicle' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'RULE_VIOLATION: not a station or transfer station, or a retired vehicle',
  })
  recordCollection(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RecordCollectionDto,
  ): Promise<CollectionResponse> {
    return this.waste.recordCollection(caller, dto);
  }

  @Post('deliveries')
  @Roles(RoleNames.FacilityOperator, RoleNames.SiteDevice)
  @ApiOperation({
    summary:
      'A truck load arrives at a transfer station (no outcome) or a facility (with its outcome); answered per bag',
  })
  @ApiCreatedResponse({ type: DeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: unknown site or vehicle' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'RULE_VIOLATION: wrong site kind, outcome missing or not allowed, or a retired vehicle',
  })
  recordDelivery(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RecordDeliveryDto,
  ): Promise<DeliveryResponse> {
    return this.waste.recordDelivery(caller, dto);
  }

  @Get('config')
  @Roles(RoleNames.UrbanInspector, RoleNames.StationOperator, RoleNames.Hauler, RoleNames.FacilityOperator)
  @ApiOperation({ summary: 'The load-weight tolerance and arrival deadline in force, from the ledger' })
  @ApiOkResponse({ type: WasteConfigResponse })
  config(@CurrentPrincipal() caller: Principal): Promise<WasteConfigResponse> {
    return this.waste.config(caller);
  }

  @Put('config')
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({
    summary: 'Set the load-weight tolerance later collections are checked against, and the arrival deadline',
  })
  @ApiOkResponse({ type: WasteConfigChangeResponse })
  setConfig(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: SetWasteConfigDto,
  ): Promise<WasteConfigChangeResponse> {
    return this.waste.setConfig(caller, dto);
  }

  @Get('bags/:barcode/trace')
  @ApiOperation({ summary: "A bag's events in order, from the ledger" })
  @ApiOkResponse({ type: BagTraceResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: never commissioned' })
  trace(
    @CurrentPrincipal() caller: Principal,
    @Param() { barcode }: BagBarcodeParams,
  ): Promise<BagTraceResponse> {
    return this.waste.trace(caller, barcode);
  }

  @Get('stations/:stationId/stats')
  @ApiOperation({
    summary: "A station's bags, weight and conformance per category on one day, from the index",
  })
  @ApiOkResponse({ type: StationStatsResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: station not in the index' })
  stationStats(
    @Param() { stationId }: StationParams,
    @Query() query: StationStatsQueryDto,
  ): Promise<StationStatsResponse> {
    return this.stats.stationStats(stationId, query.date);
  }
}
