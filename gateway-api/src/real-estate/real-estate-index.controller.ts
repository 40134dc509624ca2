import { Controller, Get, Headers, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { Roles as RoleNames } from '../../../chaincode/src/contract';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { listAnswer } from '../common/csv';
import { ErrorResponse } from '../common/errors';
import { ListCertificatesQueryDto, ListClearancesQueryDto } from './dto/list-queries.dto';
import { CertificatesPageResponse, ClearancesPageResponse } from './dto/list-responses.dto';
import { ActsPageResponse } from './dto/responses.dto';
import { ListActsQueryDto } from './dto/unit-params.dto';
import { DeedTaxClearancesService } from './projection/deed-tax-clearances.service';
import { RealEstateActsService } from './projection/real-estate-acts.service';
import { RealEstateCertificatesService } from './projection/real-estate-certificates.service';
import { ACT_CSV_COLUMNS, CERTIFICATE_CSV_COLUMNS, CLEARANCE_CSV_COLUMNS } from './real-estate-csv';

const CLERK = RoleNames.RegistryClerk;
const TAX_OFFICER = RoleNames.TaxOfficer;

/**
 * The real-estate and tax lists of the off-chain index: each a JSON page or, with `format=csv` or
 * `Accept: text/csv`, every matching row as CSV (listAnswer). The ledger has no list across units.
 */
@ApiTags('real-estate')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; details name each field' })
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the role may not do this' })
@Controller('api/v1/real-estate')
export class RealEstateIndexController {
  constructor(
    private readonly acts: RealEstateActsService,
    private readonly certificates: RealEstateCertificatesService,
    private readonly clearances: DeedTaxClearancesService,
  ) {}

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

  // the same path as the POST that records a clearance (RealEstateController): the tax bureau's
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
