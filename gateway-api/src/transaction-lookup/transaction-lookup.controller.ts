import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';

import { OptionalPrincipal, Public } from '../auth/auth.decorators';
import { type Principal } from '../auth/principal';
import { ErrorResponse } from '../common/errors';
import { LedgerTransactionResponse, TransactionIdParams } from './transaction-lookup.dto';
import { TransactionLookupService } from './transaction-lookup.service';
import { CitizensRateLimit } from '../public-rate-limit';

@ApiTags('verification')
@Public()
@CitizensRateLimit()
@Controller('api/v1/ledger/transactions')
export class TransactionLookupController {
  constructor(private readonly ledger: TransactionLookupService) {}

  @Get(':txId')
  @ApiOperation({
    summary:
      'A transaction as the ledger recorded it: block, validation code, creator, endorsing organisations',
  })
  @ApiOkResponse({ type: LedgerTransactionResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED: not 64 hexadecimal characters',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such transaction' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'UNAVAILABLE: the peer cannot answer' })
  transaction(
    @Param() params: TransactionIdParams,
    @OptionalPrincipal() caller: Principal | undefined,
  ): Promise<LedgerTransactionResponse> {
    return this.ledger.transaction(params.txId, caller);
  }
}
