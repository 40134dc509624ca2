import { applyDecorators, Controller } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { ErrorResponse } from '../common/errors';

/**
 * A controller of waste routes that reach the ledger: under /api/v1/waste, tagged and documented with
 * the answers every such route may give (no token, wrong role, bad input, network down).
 */
export const WasteLedgerApi = (): ClassDecorator =>
  applyDecorators(
    ApiTags('waste'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the route needs another role' }),
    ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, naming each field' }),
    ApiServiceUnavailableResponse({
      type: ErrorResponse,
      description: 'UNAVAILABLE: the network cannot answer',
    }),
    Controller('api/v1/waste'),
  );

/** A controller of waste lists and totals read from the index, for any authenticated caller. */
export const WasteIndexApi = (): ClassDecorator =>
  applyDecorators(
    ApiTags('waste'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'UNAUTHENTICATED' }),
    ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, naming each field' }),
    Controller('api/v1/waste'),
  );
