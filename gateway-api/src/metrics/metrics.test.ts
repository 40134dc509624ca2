import { type ExecutionContext } from '@nestjs/common';
import { type ConfigService } from '@nestjs/config';
import { type Request } from 'express';

import { ForbiddenError } from '../common/errors';
import { type EnvironmentVariables } from '../config/env.schema';
import { routePattern, UNMATCHED_ROUTE } from './http-metrics.middleware';
import { isLoopback, LoopbackOnlyGuard } from './loopback-only.guard';
import { MetricsService } from './metrics.service';

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.0.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['1270::1', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('LoopbackOnlyGuard', () => {
  const contextFrom = (remoteAddress: string): ExecutionContext =>
    ({
      switchToHttp: () => ({ getRequest: () => ({ socket: { remoteAddress } }) }),
    }) as unknown as ExecutionContext;
  const config = (allowRemote: boolean) =>
    ({ get: () => allowRemote }) as unknown as ConfigService<EnvironmentVariables, true>;

  it('lets loopback clients scrape and refuses others with 403', () => {
    const guard = new LoopbackOnlyGuard(config(false));
    expect(guard.canActivate(contextFrom('127.0.0.1'))).toBe(true);
    expect(() => guard.canActivate(contextFrom('192.0.2.7'))).toThrow(ForbiddenError);
  });

  it('lets everyone scrape with METRICS_ALLOW_REMOTE=true', () => {
    expect(new LoopbackOnlyGuard(config(true)).canActivate(contextFrom('192.0.2.7'))).toBe(true);
  });
});

describe('routePattern', () => {
  it('labels a request with the pattern of the route that matched, not its path', () => {
    const req = { baseUrl: '', route: { path: '/api/v1/smoke/values/:key' } } as unknown as Request;
    expect(routePattern(req)).toBe('/api/v1/smoke/values/:key');
  });

  it('labels requests no route matched with one value', () => {
    expect(routePattern({ baseUrl: '' } as unknown as Request)).toBe(UNMATCHED_ROUTE);
    const middlewareRoute = { path: '/{*path}' };
    const req = { baseUrl: '', route: middlewareRoute } as unknown as Request;
    expect(routePattern(req, middlewareRoute)).toBe(UNMATCHED_ROUTE);
  });
});

describe('MetricsService', () => {
  it('renders its metrics in the Prometheus text format, index lag included', async () => {
    const metrics = new MetricsService();
    metrics.setIndexLag(3n);
    metrics.observeHttpRequest({ method: 'GET', route: '/health', status: 200 }, 0.004);
    metrics.transactionSubmitted('smoke', 'Put');
    metrics.transactionFailed('smoke', 'Put', 'CONFLICT');
    const text = await metrics.render();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('govtrace_index_lag_blocks 3');
    expect(text).toContain('govtrace_http_requests_total{method="GET",route="/health",status="200"} 1');
    expect(text).toContain(
      'govtrace_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/health",status="200"} 1',
    );
    expect(text).toContain(
      'govtrace_fabric_transactions_failed_total{contract="smoke",transaction="Put",reason="CONFLICT"} 1',
    );
    expect(text).toContain('govtrace_process_cpu_seconds_total');
  });

  it('reports the quarantined events by reason, replacing the previous counts', async () => {
    const metrics = new MetricsService();
    metrics.setIndexQuarantinedEvents(new Map([['OLD_CODE', 4]]));
    metrics.setIndexQuarantinedEvents(
      new Map([
        ['KEY_NOT_WRITTEN', 2],
        ['MALFORMED_PAYLOAD', 0],
      ]),
    );
    const text = await metrics.render();
    expect(text).toContain('govtrace_index_quarantined_events{reason="KEY_NOT_WRITTEN"} 2');
    expect(text).toContain('govtrace_index_quarantined_events{reason="MALFORMED_PAYLOAD"} 0');
    expect(text).not.toContain('OLD_CODE');
  });

  it('keeps each instance on its own registry', async () => {
    new MetricsService().setIndexLag(9);
    expect(await new MetricsService().render()).toContain('govtrace_index_lag_blocks 0');
  });
});
