import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { ErrorResponse } from '../common/errors';
import { ListCasesQuery, SearchEnterprisesQuery } from './dto/list.dto';
import { CasePage, EnterprisePage } from './dto/responses.dto';
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
  @ApiOperation({ summary: 'Cases by status and whether over the half-working-day target, paged' })
  @ApiOkResponse({ type: CasePage })
  listCases(@Query() query: ListCasesQuery): Promise<CasePage> {
    return this.queries.listCases(query);
  }

  @Get('enterprises')
  @ApiOperation({ summary: 'Enterprises by name prefix (normalised) or USCC, paged' })
  @ApiOkResponse({ type: EnterprisePage })
  searchEnterprises(@Query() query: SearchEnterprisesQuery): Promise<EnterprisePage> {
    return this.queries.searchEnterprises(query);
  }
}
