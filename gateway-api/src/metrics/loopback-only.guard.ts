import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Request } from 'express';

import { ForbiddenError } from '../common/errors';
import { type EnvironmentVariables } from '../config/env.schema';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses (how a dual-stack socket reports IPv4). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Keeps /metrics to clients on the same host unless METRICS_ALLOW_REMOTE=true. It looks at the
 * socket's peer address, not X-Forwarded-For, which any client can write. (A reverse proxy on the
 * same host is a loopback client: it decides itself whether to forward /metrics.)
 */
@Injectable()
export class LoopbackOnlyGuard implements CanActivate {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.config.get('METRICS_ALLOW_REMOTE', { infer: true })) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (isLoopback(request.socket.remoteAddress)) return true;
    throw new ForbiddenError('Metrics are served to clients on the gateway host only');
  }
}
