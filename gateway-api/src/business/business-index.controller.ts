import { Controller, Get, Headers, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { listAnswer } from '../common/csv';
import { ErrorResponse } from '../common/errors';
import { CASE_CSV_COLUMNS, LICENSE_CSV_COLUMNS } from './business-csv';
import { ListCasesQuery, ListLicensesQuery, SearchEnterprisesQuery } from './dto/list.dto';
import { CasePage, EnterprisePage, LicensePage } from './dto/responses.dto';
import { BusinessQueryService } from './projection/business-query.service';

/** Lists and search from the off-chain index; any authenticated caller. */
@ApiTags('business')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' })
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; details name each field' })
@Controller('api/v1/business')
export class BusinessIndexController {
  constructor(private readonly queries: BusinessQueryService) {}

  @Get('cases')
  @ApiOperation({
    summary: 'Cases by status, target, overdue, pending step and opening day, paged; or all as CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CasePage })
  listCases(
    @Query() query: ListCasesQuery,
    @Headers('accept') accept?: string,
  ): Promise<CasePage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.queries.listCases({ ...query, page, pageSize }),
      columns: CASE_CSV_COLUMNS,
      filename: 'business-cases',
    });
  }

  @Get('licenses')
  @ApiOperation({ summary: 'Licences by USCC, name prefix (normalised) and status, paged; or all as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LicensePage })
  listLicenses(
    @Query() query: ListLicensesQuery,
    @Headers('accept') accept?: string,
  ): Promise<LicensePage | StreamableFile> {
    return listAnswer(query, accept, {
      fetchPage: (page, pageSize) => this.queries.listLicenses({ ...query, page, pageSize }),
      columns: LICENSE_CSV_COLUMNS,
      filename: 'business-licenses',
    });
  }

  @Get('enterprises')
  @ApiOperation({ summary: 'Enterprises by name prefix (normalised) or USCC, paged' })
  @ApiOkResponse({ type: EnterprisePage })
  searchEnterprises(@Query() query: SearchEnterprisesQuery): Promise<EnterprisePage> {
    return this.queries.searchEnterprises(query);
  }
}
