import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
import { requireStepRole } from './business-params';
import { UsccParams } from '../common/identifiers/identifier-params';
import { CaseParams, CaseStepParams } from './dto/params.dto';
import { BusinessService } from './business.service';
import { OpenCaseDto } from './dto/open-case.dto';
import {
  CaseResponse,
  CompleteStepResponse,
  LicenseStatusResponse,
  OpenCaseResponse,
} from './dto/responses.dto';
import { ChangeLicenseStatusDto, CompleteStepDto } from './dto/step.dto';

const MARKET_CLERK = RoleNames.MarketClerk;
const TAX_OFFICER = RoleNames.TaxOfficer;

/** Business opening on the ledger: cases, their steps, licence status. Every write answers after commit. */
@ApiTags('business')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the role may not do this' })
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; details name each field' })
@ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: the network cannot answer' })
@Controller('api/v1/business')
export class BusinessController {
  constructor(private readonly business: BusinessService) {}

  @Post('cases')
  @Roles(MARKET_CLERK)
  @ApiOperation({ summary: 'Open a case (开办企业); the legal representative goes to private data only' })
  @ApiCreatedResponse({ type: OpenCaseResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: USCC registered or name taken' })
  openCase(@CurrentPrincipal() caller: Principal, @Body() dto: OpenCaseDto): Promise<OpenCaseResponse> {
    return this.business.openCase(caller, dto);
  }

  @Post('cases/:caseId/steps/:step')
  // the guard lets both step roles through; which one the step needs is checked with the step below
  @Roles(MARKET_CLERK, TAX_OFFICER)
  @ApiOperation({ summary: 'Complete a step: TAX by a tax officer, the others by a market clerk' })
  @ApiCreatedResponse({ type: CompleteStepResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such case' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONFLICT: step already completed' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'RULE_VIOLATION: LICENSE not first' })
  completeStep(
    @CurrentPrincipal() caller: Principal,
    @Param() { caseId, step }: CaseStepParams,
    @Body() dto: CompleteStepDto,
  ): Promise<CompleteStepResponse> {
    requireStepRole(caller, step);
    return this.business.completeStep(caller, caseId, step, dto);
  }

  @Get('cases/:caseId')
  @ApiOperation({ summary: 'A case from the ledger: steps, elapsed working time, whether within target' })
  @ApiOkResponse({ type: CaseResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such case' })
  getCase(@CurrentPrincipal() caller: Principal, @Param() { caseId }: CaseParams): Promise<CaseResponse> {
    return this.business.getCase(caller, caseId);
  }

  @Post('licenses/:uscc/status')
  @Roles(MARKET_CLERK)
  @ApiOperation({ summary: 'Cancel (注销) or revoke (吊销) an ACTIVE licence' })
  @ApiCreatedResponse({ type: LicenseStatusResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no licence for this USCC' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'RULE_VIOLATION: licence not ACTIVE' })
  changeLicenseStatus(
    @CurrentPrincipal() caller: Principal,
    @Param() { uscc }: UsccParams,
    @Body() dto: ChangeLicenseStatusDto,
  ): Promise<LicenseStatusResponse> {
    return this.business.changeLicenseStatus(caller, uscc, dto);
  }
}
