import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { BinChangeResponse, BinParams, BinResponse, RegisterBinDto } from './dto/bin.dto';
import { CorrectionChangeResponse, CorrectLoadWeightDto, LoadParams, LoadResponse } from './dto/load.dto';
import { RecordRouteDto, RouteChangeResponse, RouteParams, RouteResponse } from './dto/route.dto';
import { RegisterVehicleDto, VehicleChangeResponse, VehicleParams, VehicleResponse } from './dto/vehicle.dto';
import { WasteFleetService } from './waste-fleet.service';

/**
 * shared/API.md "Waste": registered vehicles and bins, routes and loads on the ledger (their lists
 * are the index's, in WasteIndexController). The chaincode checks every role again.
 */
@WasteLedgerApi()
export class WasteFleetController {
  constructor(private readonly fleet: WasteFleetService) {}

  @Post('vehicles')
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Register a refuse vehicle: plate, operating company, RFID tag and capacity' })
  @ApiCreatedResponse({ type: VehicleChangeResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: the plate is registered already' })
  registerVehicle(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RegisterVehicleDto,
  ): Promise<VehicleChangeResponse> {
    return this.fleet.registerVehicle(caller, dto);
  }

  @Get('vehicles/:vehicleId')
  @ApiOperation({ summary: 'A registered vehicle, from the ledger' })
  @ApiOkResponse({ type: VehicleResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: never registered' })
  vehicle(
    @CurrentPrincipal() caller: Principal,
    @Param() { vehicleId }: VehicleParams,
  ): Promise<VehicleResponse> {
    return this.fleet.vehicle(caller, vehicleId);
  }

  @Post('vehicles/:vehicleId/retire')
  @HttpCode(200)
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Retire a vehicle: later loads and deliveries naming it are refused' })
  @ApiOkResponse({ type: VehicleChangeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: never registered' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: retired already' })
  retireVehicle(
    @CurrentPrincipal() caller: Principal,
    @Param() { vehicleId }: VehicleParams,
  ): Promise<VehicleChangeResponse> {
    return this.fleet.retireVehicle(caller, vehicleId);
  }

  @Post('bins')
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Register a bin at a collection station: its RFID tag and category' })
  @ApiCreatedResponse({ type: BinChangeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: unknown site' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'RULE_VIOLATION: not a station' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: the bin id is taken' })
  registerBin(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RegisterBinDto,
  ): Promise<BinChangeResponse> {
    return this.fleet.registerBin(caller, dto);
  }

  @Get('bins/:binId')
  @ApiOperation({ summary: 'A registered bin, from the ledger' })
  @ApiOkResponse({ type: BinResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: never registered' })
  bin(@CurrentPrincipal() caller: Principal, @Param() { binId }: BinParams): Promise<BinResponse> {
    return this.fleet.bin(caller, binId);
  }

  @Post('bins/:binId/retire')
  @HttpCode(200)
  @Roles(RoleNames.UrbanInspector)
  @ApiOperation({ summary: 'Retire a bin: later scans naming it are refused' })
  @ApiOkResponse({ type: BinChangeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: never registered' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: retired already' })
  retireBin(
    @CurrentPrincipal() caller: Principal,
    @Param() { binId }: BinParams,
  ): Promise<BinChangeResponse> {
    return this.fleet.retireBin(caller, binId);
  }

  @Post('routes')
  @Roles(RoleNames.Hauler, RoleNames.UrbanInspector)
  @ApiOperation({
    summary: "Record a vehicle's planned sites for one day; loads elsewhere are flagged OFF_ROUTE",
  })
  @ApiCreatedResponse({ type: RouteChangeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: unknown vehicle or site' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'RULE_VIOLATION: retired vehicle' })
  recordRoute(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: RecordRouteDto,
  ): Promise<RouteChangeResponse> {
    return this.fleet.recordRoute(caller, dto);
  }

  @Get('vehicles/:vehicleId/routes/:day')
  @ApiOperation({ summary: "A vehicle's planned route for one day (its latest revision), from the ledger" })
  @ApiOkResponse({ type: RouteResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no route recorded' })
  route(
    @CurrentPrincipal() caller: Principal,
    @Param() { vehicleId, day }: RouteParams,
  ): Promise<RouteResponse> {
    return this.fleet.route(caller, vehicleId, day);
  }

  @Get('loads/:loadId')
  @ApiOperation({ summary: 'A load as recorded, who weighed it, and its corrections, from the ledger' })
  @ApiOkResponse({ type: LoadResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such load' })
  load(@CurrentPrincipal() caller: Principal, @Param() { loadId }: LoadParams): Promise<LoadResponse> {
    return this.fleet.load(caller, loadId);
  }

  @Post('loads/:loadId/corrections')
  @Roles(RoleNames.Hauler, RoleNames.UrbanInspector)
  @ApiOperation({
    summary: "Correct a load's weighing (a person, never a device); the load itself stays as recorded",
  })
  @ApiCreatedResponse({ type: CorrectionChangeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such load' })
  correctLoadWeight(
    @CurrentPrincipal() caller: Principal,
    @Param() { loadId }: LoadParams,
    @Body() dto: CorrectLoadWeightDto,
  ): Promise<CorrectionChangeResponse> {
    return this.fleet.correctLoadWeight(caller, loadId, dto);
  }
}
