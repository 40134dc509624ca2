import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Request } from 'express';

import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key';

/**
 * For POST routes that only read, with personal data in the body (the owner search). The global
 * IdempotencyInterceptor would store a SHA-256 of the body (an unkeyed hash of an ID number, easy to
 * brute-force) and the answer under an `Idempotency-Key`; a read needs no replay, so the header is
 * dropped here. Guards run before interceptors, so the interceptor never sees it.
 */
@Injectable()
export class NoIdempotencyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    delete req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    return true;
  }
}
