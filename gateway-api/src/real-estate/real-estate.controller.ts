import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  type StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { Roles as RoleNames } from '../../../chaincode/src/contract';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { listAnswer } from '../common/csv';
import { ErrorResponse } from '../common/errors';
import { CreateDeedTaxClearanceDto } from './dto/create-clearance.dto';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { HolderUnitsResponse, SearchHolderUnitsDto } from './dto/holder-units.dto';
import { ListCertificatesQueryDto, ListClearancesQueryDto } from './dto/list-queries.dto';
import { CertificatesPageResponse, ClearancesPageResponse } from './dto/list-responses.dto';
import { ActsPageResponse, DeedTaxClearanceResponse, RegistrationResponse } from './dto/responses.dto';
import { ListActsQueryDto, UnitParamsDto } from './dto/unit-params.dto';
import { DeedTaxClearancesService } from './projection/deed-tax-clearances.service';
import { RealEstateActsService } from './projection/real-estate-acts.service';
import { RealEstateCertificatesService } from './projection/real-estate-certificates.service';
import { ACT_CSV_COLUMNS, CERTIFICATE_CSV_COLUMNS, CLEARANCE_CSV_COLUMNS } from './real-estate-csv';
import { NoIdempotencyGuard } from './no-idempotency.guard';
import { RealEstateService } from './real-estate.service';

const CLERK = RoleNames.RegistryClerk;
const TAX_OFFICER = RoleNames.TaxOfficer;

/** Real-estate registration (API.md "Real estate"); writes answer after commit. */
@ApiTags('real-estate')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; details name each field' })
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the role may not do this' })
@ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: the network cannot answer' })
@Controller('api/v1/real-estate')
export class RealEstateController {
  constructor(
    private readonly realEstate: RealEstateService,
    private readonly acts: RealEstateActsService,
    private readonly certificates: RealEstateCertificatesService,
    private readonly clearances: DeedTaxClearancesService,
  ) {}

  @Post('registrations')
  @Roles(CLERK)
  @ApiOperation({ summary: 'Register an act on a unit (FIRST, TRANSFER, MORTGAGE, …)' })
  @ApiCreatedResponse({ type: RegistrationResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'RULE_VIOLATION, e.g.: holders on a CHANGE (only TRANSFER and CORRECTION change holders); a CORRECTION ' +
      'of the holders without correctionBasis; on a seized unit, any act but SEIZURE_RELEASE, OBJECTION and a ' +
      'CORRECTION that keeps the holders; a TRANSFER without its deed-tax clearance or mortgagee consent',
  })
  register(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: CreateRegistrationDto,
  ): Promise<RegistrationResponse> {
    return this.realEstate.register(caller, dto);
  }

  @Post('deed-tax-clearances')
  @Roles(TAX_OFFICER)
  @ApiOperation({ summary: 'Record that deed tax is paid for a coming TRANSFER' })
  @ApiCreatedResponse({ type: DeedTaxClearanceResponse })
  recordClearance(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: CreateDeedTaxClearanceDto,
  ): Promise<DeedTaxClearanceResponse> {
    return this.realEstate.recordDeedTaxClearance(caller, dto);
  }

  @Get('units/:unitNumber')
  @Roles(CLERK, TAX_OFFICER)
  @ApiOperation({ summary: 'A unit from the ledger: status, masked holders, encumbrances, certificates' })
  @ApiOkResponse({ description: 'The chaincode unit record with `certificates`' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such unit' })
  unit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UnitParamsDto,
  ): Promise<Record<string, unknown>> {
    return this.realEstate.unit(caller, params.unitNumber);
  }

  @Get('units/:unitNumber/history')
  @Roles(CLERK, TAX_OFFICER)
  @ApiOperation({ summary: 'Every act on a unit from the ledger, with txId, time and clerk' })
  @ApiOkResponse({ description: '`{ unitNumber, registrations: [...] }`' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such unit' })
  history(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UnitParamsDto,
  ): Promise<Record<string, unknown>> {
    return this.realEstate.history(caller, params.unitNumber);
  }

  @Get('units/:unitNumber/transfer-audit')
  @Roles(TAX_OFFICER)
  @ApiOperation({
    summary:
      "The tax bureau's audit of a unit's transfers: each TRANSFER the registry recorded with the clearance it names",
    description:
      'Verdict per transfer: OK, MISSING (no clearance of this unit under that number), REUSED (another ' +
      'transfer names the same clearance) or WRONG_GENERATION (recorded for another ownership); `irregular` counts the others.',
  })
  @ApiOkResponse({ description: '`{ unitNumber, transfers: [...], irregular }`' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such unit' })
  transferAudit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UnitParamsDto,
  ): Promise<Record<string, unknown>> {
    return this.realEstate.transferAudit(caller, params.unitNumber);
  }

  @Post('holder-units/search')
  @HttpCode(200)
  @Roles(CLERK)
  // a read: Idempotency-Key is ignored, so no hash of the ID number or answer is stored
  @UseGuards(NoIdempotencyGuard)
  @ApiOperation({
    summary: 'Units a person owns now, by resident ID number (POST: the ID stays out of URLs and logs)',
  })
  @ApiOkResponse({ type: HolderUnitsResponse })
  holderUnits(
    @CurrentPrincipal() caller: Principal,
    @Body() dto: SearchHolderUnitsDto,
  ): Promise<HolderUnitsResponse> {
    return this.realEstate.holderUnits(caller, dto.idNumber);
  }

  @Get('acts')
  @Roles(CLERK)
  @ApiOperation({
    summary:
      'Acts from the index by unit, certificate, type, day and clerk, newest first, paged; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ActsPageResponse })
  listActs(
    @Query() query: ListActsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<ActsPageResponse | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.acts.list({ ...query, page, pageSize }),
      columns: ACT_CSV_COLUMNS,
      filename: 'real-estate-acts',
    });
  }

  // The registry's register of certificates: registry clerks only. A tax officer reads a unit's
  // certificates where the work needs them (GET units/{unitNumber}); and in production this route is
  // served by the registry's gateway, which holds no tax officer's identity (GATEWAY_DEPARTMENTS).
  @Get('certificates')
  @Roles(CLERK)
  @ApiOperation({
    summary: 'Certificates from the index by number, status, unit, kind and issue day, paged; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CertificatesPageResponse })
  listCertificates(
    @Query() query: ListCertificatesQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<CertificatesPageResponse | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.certificates.list({ ...query, page, pageSize }),
      columns: CERTIFICATE_CSV_COLUMNS,
      filename: 'real-estate-certificates',
    });
  }

  @Get('deed-tax-clearances')
  @Roles(TAX_OFFICER)
  @ApiOperation({
    summary:
      'Deed-tax clearances from the index by unit, receipt number, recording day, used or not and ' +
      'mine, newest first, paged; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ClearancesPageResponse })
  listClearances(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListClearancesQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<ClearancesPageResponse | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.clearances.list({ ...query, page, pageSize }, caller),
      columns: CLEARANCE_CSV_COLUMNS,
      filename: 'deed-tax-clearances',
    });
  }
}
