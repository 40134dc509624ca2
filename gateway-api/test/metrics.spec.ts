import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { JsonLogger, type LogEntry } from '../src/common/logging/json-logger';
import { validateEnv } from '../src/config/validate-env';
import { HealthModule } from '../src/health/health.module';
import { MetricsModule } from '../src/metrics/metrics.module';
import { MetricsService } from '../src/metrics/metrics.service';

describe('operations routes with the auth guard installed', () => {
  let app: NestExpressApplication;
  let server: App;
  let dir: string;
  const logLines: string[] = [];
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-metrics-'));
    // no identities file at all: every token is refused, public routes still answer
    process.env['GOVTRACE_IDENTITIES'] = path.join(dir, 'identities.json');
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        HealthModule.register(),
        AuthModule,
        MetricsModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      ...APP_OPTIONS,
      logger: new JsonLogger('warn', (line) => logLines.push(line)),
    });
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
    process.env = savedEnv;
  });

  it('is public and answers the Prometheus text format', async () => {
    await request(server).get('/health');
    await request(server).get('/api/v1/nowhere/123');
    app.get(MetricsService).setIndexLag(2);
    const res = await request(server).get('/metrics');
    expect(res.status).toBe(200);
    // express adds the charset; Prometheus reads the parameters in any order
    expect(res.type).toBe('text/plain');
    expect(res.get('Content-Type')).toContain('version=0.0.4');
    expect(res.text).toContain('govtrace_http_requests_total{method="GET",route="/health",status="200"} 1');
    // unmatched paths share one label value instead of one series per path
    expect(res.text).toContain(
      'govtrace_http_requests_total{method="GET",route="(unmatched)",status="404"} 1',
    );
    expect(res.text).toContain('govtrace_index_lag_blocks 2');
  });

  it('leaves /health and the OpenAPI docs public', async () => {
    expect((await request(server).get('/health')).status).toBe(200);
    expect((await request(server).get('/health/ready')).status).toBe(200);
    expect((await request(server).get('/docs-json')).status).toBe(200);
  });

  it('starts without warnings about the middleware route pattern', () => {
    const warnings = logLines.map((line) => JSON.parse(line) as LogEntry).filter((e) => e.level === 'warn');
    expect(warnings).toEqual([]);
  });
});
