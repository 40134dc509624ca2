import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { API_ERROR_STATUS, type ApiError, type ErrorDetail } from './api-error';

/** The body of every error answer, `{ "error": { … } }`; the classes also document it in OpenAPI. */
export class ErrorPayload {
  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description: `One of ${Object.keys(API_ERROR_STATUS).join(', ')}`,
  })
  code!: string;

  @ApiProperty({ example: 'Invalid request: holders.0.idNumber must be a string' })
  message!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ field: 'holders.0.idNumber', constraint: 'isString', message: 'idNumber must be a string' }],
  })
  details!: ErrorDetail[];

  @ApiPropertyOptional({ description: 'Set when a ledger transaction was attempted' })
  txId?: string;
}

export class ErrorResponse {
  @ApiProperty({ type: ErrorPayload })
  error!: ErrorPayload;
}

export function renderError(error: ApiError): ErrorResponse {
  const payload: ErrorPayload = { code: error.code, message: error.message, details: [...error.details] };
  if (error.txId !== undefined) payload.txId = error.txId;
  return { error: payload };
}
