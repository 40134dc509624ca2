import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { type HttpAdapterHost } from '@nestjs/core';

import { type ApiError } from './api-error';
import { renderError } from './error-response.dto';
import { toApiError } from './to-api-error';

/**
 * The one place errors become HTTP answers, so every error has the same shape (API.md, "Errors").
 * It catches everything: Nest's HttpExceptions, unknown routes, express middleware errors and bugs.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toApiError(exception);
    this.log(error, exception);
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    if (httpAdapter.isHeadersSent(response)) {
      // part of the answer is already on the wire; all that is left is to cut it short
      httpAdapter.end(response);
      return;
    }
    httpAdapter.reply(response, renderError(error), error.getStatus());
  }

  private log(error: ApiError, exception: unknown): void {
    if (error.code === 'INTERNAL') {
      const stack = exception instanceof Error ? exception.stack : undefined;
      this.logger.error(`Unexpected ${describe(exception)}`, stack);
    } else if (error.code === 'UNAVAILABLE') {
      this.logger.warn(
        `Unavailable: ${error.message}${error.cause ? ` (cause: ${describe(error.cause)})` : ''}`,
      );
    }
  }
}

function describe(value: unknown): string {
  return value instanceof Error
    ? `${value.name}: ${value.message}`
    : `non-error value thrown: ${String(value)}`;
}
