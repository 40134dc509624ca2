import { Body, Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { Roles as RoleNames } from '../../../chaincode/src/contract';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors';
import { CertificateNumberParams } from '../common/identifiers/identifier-params';
import { CreateDeedTaxClearanceDto } from './dto/create-clearance.dto';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { HolderUnitsResponse, SearchHolderUnitsDto } from './dto/holder-units.dto';
import { DeedTaxClearanceResponse, RegistrationResponse } from './dto/responses.dto';
import { UnitParamsDto } from './dto/unit-params.dto';
import { NoIdempotencyGuard } from './no-idempotency.guard';
import { RealEstateService } from './real-estate.service';

const CLERK = RoleNames.RegistryClerk;
const TAX_OFFICER = RoleNames.TaxOfficer;

/**
 * Real-estate registration (API.md "Real estate"); writes answer after commit, single-unit reads come
 * from the ledger. The lists of the index are RealEstateIndexController's.
 */
@ApiTags('real-estate')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; details name each field' })
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the role may not do this' })
@ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: the network cannot answer' })
@Controller('api/v1/real-estate')
export class RealEstateController {
  constructor(private readonly realEstate: RealEstateService) {}

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

  @Get('certificates/:certificateNumber/print')
  @Roles(CLERK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "A certificate for printing: content, hash, status, the holders' full names and ID numbers, and the " +
      "issuing act's private particulars with their salt (registry clerks; personal data, never cached)",
  })
  @ApiOkResponse({
    description:
      '`{ certificate, holders: [{ name, idNumber, share, maskedName }], particulars, particularsSalt }`',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such certificate' })
  certificateForPrint(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CertificateNumberParams,
  ): Promise<Record<string, unknown>> {
    return this.realEstate.certificateForPrint(caller, params.certificateNumber);
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
}
