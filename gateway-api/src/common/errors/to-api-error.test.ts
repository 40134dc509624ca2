import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';

import { API_ERROR_STATUS, ApiError, ConflictError, type ApiErrorCode, UnavailableError } from './api-error';
import { renderError } from './error-response.dto';
import { INTERNAL_MESSAGE, toApiError } from './to-api-error';

describe('ApiError subclasses', () => {
  it('carry their code, status, details and txId', () => {
    const error = new ConflictError('unit already registered', {
      details: [{ field: 'unitNumber', message: 'exists' }],
      txId: 'abc123',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'unit already registered', txId: 'abc123' });
    expect(error.name).toBe('ConflictError');
    expect(error.getStatus()).toBe(409);
  });

  it('map every code of the API table to its status', () => {
    expect(API_ERROR_STATUS).toEqual<Record<ApiErrorCode, number>>({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      RULE_VIOLATION: 422,
      INTERNAL: 500,
      UNAVAILABLE: 503,
    });
  });
});

describe('toApiError', () => {
  it('passes API errors through', () => {
    const error = new UnavailableError('peers unreachable');
    expect(toApiError(error)).toBe(error);
  });

  it.each<[HttpException, number, string]>([
    [new BadRequestException('bad id'), 400, 'VALIDATION_FAILED'],
    [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND'],
    [new HttpException('too big', 413), 413, 'PAYLOAD_TOO_LARGE'],
    [new HttpException('nope', 405), 405, 'METHOD_NOT_ALLOWED'],
    [new HttpException('slow down', 429), 429, 'TOO_MANY_REQUESTS'],
    [new ServiceUnavailableException('later'), 503, 'UNAVAILABLE'],
  ])('maps Nest exception %p to %i %s', (exception, status, code) => {
    const error = toApiError(exception);
    expect(error.getStatus()).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(exception.message);
  });

  it('turns a message array (Nest default validation) into details', () => {
    const error = toApiError(new BadRequestException(['a must be a string', 'b should not exist']));
    expect(error.details).toEqual([{ message: 'a must be a string' }, { message: 'b should not exist' }]);
  });

  it('keeps a client error from express middleware when http-errors marks it safe to expose', () => {
    const error = Object.assign(new Error('unsupported charset "UTF-7"'), { status: 415, expose: true });
    expect(toApiError(error)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'unsupported charset "UTF-7"',
    });
  });

  it.each<[string, unknown]>([
    ['a plain error', new Error('connect ECONNREFUSED 10.0.0.5:5432')],
    ['a 500 HttpException', new InternalServerErrorException('stack trace here')],
    ['a 5xx ApiError', new ApiError('INTERNAL', 502, 'upstream said: secret')],
    ['an unexposed http error', Object.assign(new Error('internal'), { status: 400, expose: false })],
    ['a thrown string', 'oops'],
  ])('hides %s behind INTERNAL', (_label, thrown) => {
    const error = toApiError(thrown);
    expect(error.getStatus()).toBe(500);
    expect(renderError(error)).toEqual({
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: [] },
    });
    expect(error.cause).toBe(thrown);
  });
});

describe('renderError', () => {
  it('renders the API error body, with txId only when a transaction was attempted', () => {
    expect(renderError(new ConflictError('lost the race', { txId: 'tx1' }))).toEqual({
      error: { code: 'CONFLICT', message: 'lost the race', details: [], txId: 'tx1' },
    });
    expect(renderError(new ConflictError('duplicate')).error).not.toHaveProperty('txId');
  });
});
