import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { CurrentPrincipal } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors';
import { PutSmokeValueDto, SmokeRecordResponse, SmokeWriteResponse } from './smoke.dto';
import { SmokeService } from './smoke.service';

/** Proves that each role's token reaches the chaincode as its own Fabric identity. Any role may call it. */
@ApiTags('smoke')
@ApiBearerAuth()
@ApiUnauthorizedResponse({
  type: ErrorResponse,
  description: 'UNAUTHENTICATED: missing, unknown or revoked token',
})
@ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: the network cannot answer' })
@Controller('api/v1/smoke/values')
export class SmokeController {
  constructor(private readonly smoke: SmokeService) {}

  @Post()
  @ApiOperation({ summary: 'Write a value to the ledger as the caller; answers after commit' })
  @ApiCreatedResponse({ type: SmokeWriteResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED, from the gateway or the chaincode',
  })
  put(@CurrentPrincipal() caller: Principal, @Body() dto: PutSmokeValueDto): Promise<SmokeWriteResponse> {
    return this.smoke.put(caller, dto);
  }

  @Get(':key')
  @ApiOperation({
    summary: 'Read a value back from the ledger, evaluated on the peer of the caller organisation',
  })
  @ApiOkResponse({ type: SmokeRecordResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no value under this key' })
  get(@CurrentPrincipal() caller: Principal, @Param('key') key: string): Promise<SmokeRecordResponse> {
    return this.smoke.get(caller, key);
  }
}
