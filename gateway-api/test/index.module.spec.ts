import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { type DynamicModule, Injectable, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { validateEnv } from '../src/config/validate-env';
import { HealthModule } from '../src/health/health.module';
import { Database } from '../src/index-db/database/database';
import { DATABASE_CONFIG } from '../src/index-db/database/database-config';
import { IndexModule } from '../src/index-db/index.module';
import { IndexReadinessCheck } from '../src/index-db/index-readiness.check';
import { IndexLagSampler, type IndexLagSink } from '../src/index-db/listener/index-lag.sampler';
import { IndexListener } from '../src/index-db/listener/index-listener';
import { SMOKE_VALUE_WRITTEN } from '../src/index-db/smoke/smoke-record';
import { SmokeValueEvent } from '../src/index-db/smoke/smoke-value-event.entity';
import { LEDGER_EVENT_SOURCE } from '../src/ledger/ledger-events.port';
import { InMemoryEventSource, smokePayload, waitFor } from './support/in-memory-event-source';

// IndexModule wired the way AppModule is meant to wire it (see README, "Off-chain index"): one
// registered module value, imported by the app and by HealthModule for the readiness check.

const source = new InMemoryEventSource();

/** Stands in for MetricsService, which has the same two methods. */
@Injectable()
class RecordingLagSink implements IndexLagSink {
  static readonly values: number[] = [];
  static readonly quarantined: ReadonlyMap<string, number>[] = [];
  setIndexLag(blocks: number): void {
    RecordingLagSink.values.push(blocks);
  }
  setIndexQuarantinedEvents(byReason: ReadonlyMap<string, number>): void {
    RecordingLagSink.quarantined.push(byReason);
  }
}

@Module({
  providers: [{ provide: LEDGER_EVENT_SOURCE, useValue: source }, RecordingLagSink],
  exports: [LEDGER_EVENT_SOURCE, RecordingLagSink],
})
class FakeLedgerModule {}

function appModule(): DynamicModule {
  const indexModule = IndexModule.register({
    imports: [FakeLedgerModule],
    listener: { initialDelayMs: 5 },
    lagSink: RecordingLagSink,
  });
  @Module({})
  class TestAppModule {}
  return {
    module: TestAppModule,
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
      indexModule,
      HealthModule.register({ imports: [indexModule], checks: [IndexReadinessCheck] }),
    ],
  };
}

describe('IndexModule in a Nest application (SQLite)', () => {
  let dir: string;
  let file: string;
  const apps: NestExpressApplication[] = [];

  beforeAll(() => {
    Logger.overrideLogger(false);
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-index-module-'));
    file = path.join(dir, 'index.sqlite');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A "process": a new module graph on the same database file and ledger. */
  async function startApp(): Promise<NestExpressApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [appModule()] })
      .overrideProvider(DATABASE_CONFIG)
      .useValue({ type: 'sqlite', path: file })
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: false });
    configureApp(app);
    await app.init();
    apps.push(app);
    return app;
  }

  async function projectedTxIds(app: NestExpressApplication): Promise<string[]> {
    const rows = await app
      .get(Database)
      .run((manager) => manager.getRepository(SmokeValueEvent).find({ order: { txId: 'ASC' } }));
    return rows.map((row) => row.txId);
  }

  it('migrates, follows the ledger from start-up and reports the index in /health/ready', async () => {
    source.commitBlock([{ eventName: SMOKE_VALUE_WRITTEN, payload: smokePayload('a', 'a1') }]);
    const app = await startApp();
    source.commitBlock([{ eventName: SMOKE_VALUE_WRITTEN, payload: smokePayload('b', 'b1') }]);
    await waitFor('both events', async () => (await projectedTxIds(app)).length === 2);
    expect(source.connections).toHaveLength(1); // one listener, although the module is imported twice

    expect(RecordingLagSink.values.length).toBeGreaterThan(0); // sampled at start-up

    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'process', status: 'up' },
        { name: 'index', status: 'up', message: 'database reachable; 0 blocks behind; 0 events quarantined' },
      ],
    });
  });

  it('stops the listener and closes the database on shutdown; the next process resumes from the checkpoint', async () => {
    const first = apps.pop() as NestExpressApplication;
    const listener = first.get(IndexListener);
    const checkpoint = await listener.checkpoint();
    await first.close();
    expect(listener.running).toBe(false);

    source.commitBlock([{ eventName: SMOKE_VALUE_WRITTEN, payload: smokePayload('c', 'c1') }]);
    const connections = source.connections.length;
    const second = await startApp();
    await waitFor('the new process to connect', () => source.connections.length > connections);
    expect(source.connections.at(-1)).toEqual(checkpoint);
    await waitFor('the third event', async () => (await projectedTxIds(second)).length === 3);
    expect(await projectedTxIds(second)).toEqual(['tx-000001', 'tx-000002', 'tx-000003']);
  });

  it('stays ready while the peer is unreachable, saying the lag is unknown', async () => {
    source.unreachable = new Error('14 UNAVAILABLE');
    try {
      const res = await request((apps.at(-1) as NestExpressApplication).getHttpServer()).get('/health/ready');
      expect(res.status).toBe(200);
      expect((res.body as { checks: unknown[] }).checks).toContainEqual(
        expect.objectContaining({
          name: 'index',
          status: 'up',
          message: 'database reachable; lag unknown; 0 events quarantined',
        }),
      );
    } finally {
      source.unreachable = undefined;
    }
  });

  it('stays ready with a quarantined event, counting it in /health/ready and for the metrics', async () => {
    const app = apps.at(-1) as NestExpressApplication;
    // the smoke fixture's value, submitted by an identity of no member organisation
    source.commitBlock([
      {
        eventName: SMOKE_VALUE_WRITTEN,
        payload: smokePayload('d', 'd1'),
        origin: { creatorMspId: 'OrdererMSP', endorserMspIds: ['RegistryMSP'], writes: new Map() },
      },
    ]);
    source.commitBlock([{ eventName: SMOKE_VALUE_WRITTEN, payload: smokePayload('e', 'e1') }]);
    await waitFor('the next event', async () => (await projectedTxIds(app)).includes('tx-000005'));
    expect(await projectedTxIds(app)).not.toContain('tx-000004');

    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect((res.body as { checks: unknown[] }).checks).toContainEqual(
      expect.objectContaining({
        name: 'index',
        status: 'up',
        message: 'database reachable; 0 blocks behind; 1 event quarantined',
      }),
    );
    await app.get(IndexLagSampler).sample();
    expect(RecordingLagSink.quarantined.at(-1)?.get('WRONG_CREATOR_MSP')).toBe(1);
  });
});
