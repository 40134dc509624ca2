import { Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { JsonLogger, type LogEntry } from '../src/common/logging/json-logger';
import { IndexCheckpoint } from '../src/index-db/checkpoint/index-checkpoint.entity';
import { IndexQuarantinedEvent } from '../src/index-db/quarantine/index-quarantined-event.entity';
import { type Database } from '../src/index-db/database/database';
import { type DatabaseConfig } from '../src/index-db/database/database-config';
import { IndexListener } from '../src/index-db/listener/index-listener';
import { type Projector } from '../src/index-db/projection/projector';
import { ProjectorRegistry } from '../src/index-db/projection/projector-registry';
import { SMOKE_VALUE_WRITTEN } from '../src/index-db/smoke/smoke-record';
import { SmokeValueEvent } from '../src/index-db/smoke/smoke-value-event.entity';
import { SmokeValue } from '../src/index-db/smoke/smoke-value.entity';
import { SmokeValueProjector } from '../src/index-db/smoke/smoke-value.projector';
import { type LedgerEvent, type TransactionOrigin } from '../src/ledger/ledger-events.port';
import { WasteSiteRow } from '../src/waste/entities/waste-site.entity';
import { WasteSiteProjector } from '../src/waste/projection/waste-site.projector';
import { DATABASE_SETUP_TIMEOUT_MS, openDatabase, TEST_DATABASES } from './support/databases';
import { InMemoryEventSource, type NewEvent, smokePayload, waitFor } from './support/in-memory-event-source';

// The exactly-once promise of the index, against real databases: whatever the source or the process
// does, every SmokeValueWritten event ends up as exactly one smoke_value_events row, smoke_values
// holds the latest value per key, and the checkpoint names the next block, empty blocks included.
// Events the index does not trust, or cannot read, end up as exactly one index_quarantine row each.

const smoke = (key: string, value: string, transactionId?: string): NewEvent => ({
  eventName: SMOKE_VALUE_WRITTEN,
  payload: smokePayload(key, value),
  ...(transactionId !== undefined && { transactionId }),
});

const SITE_KEY = (siteId: string): string => `\u0000waste-site\u0000${siteId}\u0000`;

/** The transaction our chaincode makes of a site registration: an urban inspector's, endorsed by UrbanMSP. */
const siteOrigin = (siteId: string, change: Partial<TransactionOrigin> = {}): TransactionOrigin => ({
  creatorMspId: 'UrbanMSP',
  creatorRole: 'urban_inspector',
  endorserMspIds: ['UrbanMSP'],
  writes: new Map([['waste', [SITE_KEY(siteId)]]]),
  ...change,
});

const sitePayload = (siteId: string): string =>
  JSON.stringify({
    districtCode: '440103',
    kind: 'STATION',
    name: '站',
    registeredAt: '2026-03-01T08:00:00.000Z',
    registeredBy: 'UrbanMSP',
    siteId,
    txId: 'ignored',
  });

const site = (siteId: string, change: Partial<TransactionOrigin> = {}): NewEvent => ({
  eventName: 'WasteSiteRegistered',
  payload: sitePayload(siteId),
  origin: siteOrigin(siteId, change),
});

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

interface IndexState {
  readonly eventTxIds: string[];
  readonly values: Record<string, { value: string; txId: string; blockNumber: bigint }>;
  readonly checkpoint: { blockNumber: bigint; transactionId: string | null } | undefined;
}

function readState(db: Database): Promise<IndexState> {
  return db.run(async (manager) => {
    // checkpoint first: rows commit with it, so rows read afterwards include at least what it covers
    // (three statements are three snapshots on PostgreSQL while the listener keeps committing)
    const checkpoint = await manager.getRepository(IndexCheckpoint).findOneBy({ stream: 'chaincode-events' });
    const events = await manager.getRepository(SmokeValueEvent).find({ order: { txId: 'ASC' } });
    const values = await manager.getRepository(SmokeValue).find();
    return {
      eventTxIds: events.map((event) => event.txId),
      values: Object.fromEntries(
        values.map((row) => [row.key, { value: row.value, txId: row.txId, blockNumber: row.blockNumber }]),
      ),
      checkpoint: checkpoint === null ? undefined : checkpoint,
    };
  });
}

describe.each(TEST_DATABASES)('IndexListener on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  const logLines: string[] = [];
  let config: DatabaseConfig;
  let db: Database;
  let source: InMemoryEventSource;
  const listeners: IndexListener[] = [];
  const opened: Database[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(new JsonLogger('debug', (line) => logLines.push(line)));
    await database.setUp();
  }, DATABASE_SETUP_TIMEOUT_MS);

  afterAll(() => database.tearDown());

  beforeEach(async () => {
    logLines.length = 0;
    config = await database.fresh();
    db = await open();
    source = new InMemoryEventSource();
  });

  afterEach(async () => {
    for (const listener of listeners.splice(0)) await listener.stop();
    for (const each of opened.splice(0)) {
      if (each.dataSource.isInitialized) await each.dataSource.destroy().catch(() => undefined);
    }
  });

  async function open(): Promise<Database> {
    const each = await openDatabase(config);
    opened.push(each);
    return each;
  }

  function listen(on: Database = db, projectors: Projector[] = [new SmokeValueProjector()]): IndexListener {
    const listener = new IndexListener(on, source, new ProjectorRegistry(projectors), {
      autoStart: false,
      initialDelayMs: 5,
      maxDelayMs: 40,
    });
    listeners.push(listener);
    return listener;
  }

  /** Waits until the stored block checkpoint names the next block the source will commit. */
  async function caughtUp(on: Database = db): Promise<IndexState> {
    const height = await source.blockHeight();
    let state: IndexState | undefined;
    await waitFor(`block checkpoint at ${height}`, async () => {
      state = await readState(on);
      return state.checkpoint?.blockNumber === height && state.checkpoint.transactionId === null;
    });
    return state as IndexState;
  }

  /** What a gateway that followed chaincode events left behind: rows and a transaction checkpoint. */
  async function projectedByAnOlderGateway(events: readonly LedgerEvent[]): Promise<void> {
    const projector = new SmokeValueProjector();
    const last = events.at(-1);
    await db.transaction(async (manager) => {
      for (const event of events) await projector.prepare(event).write(manager);
      await manager.getRepository(IndexCheckpoint).insert({
        stream: 'chaincode-events',
        blockNumber: last?.blockNumber ?? 0n,
        transactionId: last?.transactionId ?? null,
        updatedAt: '2026-03-01T08:00:00.000Z',
      });
    });
  }

  /** The smoke projector, recording the transaction of each event it is handed. */
  function recording(seen: string[]): Projector {
    const real = new SmokeValueProjector();
    return {
      eventName: SMOKE_VALUE_WRITTEN,
      prepare: (event: LedgerEvent) => {
        seen.push(event.transactionId);
        return real.prepare(event);
      },
    };
  }

  /** The smoke projector, running `after` once an event's rows are written (inside the transaction). */
  function smokeThen(after: (event: LedgerEvent) => Promise<void>): Projector {
    const real = new SmokeValueProjector();
    return {
      eventName: SMOKE_VALUE_WRITTEN,
      prepare: (event: LedgerEvent) => {
        const projection = real.prepare(event);
        return {
          claim: projection.claim,
          write: async (manager: EntityManager) => {
            await projection.write(manager);
            await after(event);
          },
        };
      },
    };
  }

  function smokeTxIds(): string[] {
    return source
      .allEvents()
      .filter((event) => event.eventName === SMOKE_VALUE_WRITTEN)
      .map((event) => event.transactionId)
      .sort();
  }

  function quarantine(on: Database = db): Promise<IndexQuarantinedEvent[]> {
    return on.run((manager) =>
      manager
        .getRepository(IndexQuarantinedEvent)
        .find({ order: { transactionId: 'ASC', eventName: 'ASC' } }),
    );
  }

  function siteIds(): Promise<string[]> {
    return db.run(async (manager) =>
      (await manager.getRepository(WasteSiteRow).find({ order: { siteId: 'ASC' } })).map((row) => row.siteId),
    );
  }

  it('projects every event once, upserts the latest value and checkpoints the next block', async () => {
    source.commitBlock([smoke('a', 'a1'), smoke('b', 'b1')]);
    source.commitBlock([smoke('a', 'a2')]);
    const listener = listen();
    listener.start();
    await caughtUp();
    source.commitBlock([smoke('c', 'c1')]);

    const state = await caughtUp();
    expect(state.eventTxIds).toEqual(smokeTxIds());
    expect(state.values).toEqual({
      a: { value: 'a2', txId: 'tx-000003', blockNumber: 1n },
      b: { value: 'b1', txId: 'tx-000002', blockNumber: 0n },
      c: { value: 'c1', txId: 'tx-000004', blockNumber: 2n },
    });
    expect(state.checkpoint).toEqual({
      stream: 'chaincode-events',
      blockNumber: 3n,
      transactionId: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
    expect(await listener.lag()).toBe(0);
    await listener.stop();
    source.commitBlock([]);
    expect(await listener.lag()).toBe(1);
  });

  it('checkpoints blocks without govtrace events too, so the lag reaches 0 on a fresh channel', async () => {
    // genesis, a configuration update and the chaincode lifecycle: valid blocks, none of our events
    for (let block = 0; block < 3; block += 1) source.commitBlock([]);
    const listener = listen();
    expect(await listener.lag()).toBe(3);
    listener.start();
    expect((await caughtUp()).checkpoint).toMatchObject({ blockNumber: 3n, transactionId: null });
    expect(await listener.lag()).toBe(0);

    source.commitBlock([smoke('a', 'a1')]);
    source.commitBlock([]); // say, a transaction invalidated at commit
    const state = await caughtUp();
    expect(state.checkpoint).toMatchObject({ blockNumber: 5n, transactionId: null });
    expect(state.eventTxIds).toEqual(['tx-000001']);
    expect(await listener.lag()).toBe(0);
  });

  it('stores the whole value exactly, in any script and at the 4096-character limit', async () => {
    const long = '字'.repeat(4095) + '😀';
    source.commitBlock([smoke('long', long)]);
    listen().start();
    expect((await caughtUp()).values['long']?.value).toBe(long);
  });

  it('advances the checkpoint past events that have no projector, projecting nothing', async () => {
    source.commitBlock([{ eventName: 'SomethingElse', payload: 'not even JSON' }, smoke('a', 'a1')]);
    source.commitBlock([{ eventName: 'SomethingElse', payload: '{}' }]);
    listen().start();
    const state = await caughtUp();
    expect(state.eventTxIds).toEqual(['tx-000002']);
    expect(
      logLines
        .map((line) => JSON.parse(line) as LogEntry)
        .filter(
          (entry) => entry.level === 'debug' && entry.message.startsWith('No projector for SomethingElse'),
        ),
    ).toHaveLength(2);
  });

  describe('(a) a source that redelivers what is already checkpointed', () => {
    it('ignores a full replay from the first block after a reconnect', async () => {
      source.commitBlock([smoke('a', 'a1'), smoke('b', 'b1')]);
      source.commitBlock([smoke('a', 'a2')]);
      const listener = listen();
      listener.start();
      await caughtUp();

      source.resumeMode = 'from-genesis';
      source.failAfter(0); // the next block handed out breaks the stream, forcing a reconnect
      source.commitBlock([smoke('a', 'a3')]);
      const state = await caughtUp();

      expect(source.connections.length).toBeGreaterThanOrEqual(2);
      // it did redeliver
      expect(source.delivered.length).toBeGreaterThan(Number(await source.blockHeight()));
      expect(state.eventTxIds).toEqual(smokeTxIds());
      expect(state.values['a']).toMatchObject({ value: 'a3', txId: 'tx-000004' });
    });

    it("resumes from an older gateway's transaction checkpoint: its block again, only the events after it", async () => {
      // one block with three writes of one key: redelivering the block must not put 'v1' back
      const first = source.commitBlock([
        smoke('k', 'v1'),
        smoke('k', 'v2'),
        smoke('k', 'v3'),
        smoke('o', 'o1'),
      ]);
      source.commitBlock([smoke('k', 'v4')]);
      await projectedByAnOlderGateway(first.events.slice(0, 2));
      const seen: string[] = [];
      const listener = listen(db, [recording(seen)]);
      // a transaction checkpoint counts its own block as projected
      expect(await listener.lag()).toBe(1);
      listener.start();
      const state = await caughtUp();

      expect(source.connections[0]).toEqual({ blockNumber: 0n, transactionId: 'tx-000002' });
      expect(seen).toEqual(['tx-000003', 'tx-000004', 'tx-000005']);
      expect(state.eventTxIds).toEqual(smokeTxIds());
      expect(state.values['k']).toMatchObject({ value: 'v4', txId: 'tx-000005' });
      expect(state.checkpoint).toMatchObject({ blockNumber: 2n, transactionId: null });
      expect(await listener.lag()).toBe(0);
    });

    it('projects the whole block of a transaction checkpoint it cannot place, relying on the projectors', async () => {
      const first = source.commitBlock([smoke('k', 'v1'), smoke('k', 'v2')]);
      await projectedByAnOlderGateway(first.events.slice(0, 1));
      await db.run((manager) =>
        manager
          .getRepository(IndexCheckpoint)
          .update({ stream: 'chaincode-events' }, { transactionId: 'tx-elsewhere' }),
      );
      const seen: string[] = [];
      listen(db, [recording(seen)]).start();
      const state = await caughtUp();
      expect(seen).toEqual(['tx-000001', 'tx-000002']);
      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000002']);
      expect(state.values['k']).toMatchObject({ value: 'v2', txId: 'tx-000002' });
    });

    it('treats a second delivery of the same block as already projected', async () => {
      const block = source.commitBlock([smoke('a', 'a1')]);
      const listener = listen();
      expect(await listener.applyBlock(block)).toEqual({
        applied: true,
        projected: 1,
        quarantined: 0,
        withoutProjector: 0,
        skipped: 0,
      });
      expect(await listener.applyBlock(block)).toEqual({
        applied: false,
        projected: 0,
        quarantined: 0,
        withoutProjector: 0,
        skipped: 1,
      });
      expect((await readState(db)).eventTxIds).toEqual(['tx-000001']);
    });
  });

  describe('(a2) a source that skips a block', () => {
    it('never checkpoints past a block it did not deliver, and catches up once the source behaves', async () => {
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([smoke('b', 'b1')]);
      source.resumeMode = 'skip-one';
      const listener = listen();
      listener.start();
      await waitFor('a few refused connections', () => source.connections.length >= 3);
      const during = await readState(db);
      expect(during.eventTxIds).toEqual([]);
      expect(during.checkpoint).toBeUndefined();
      expect(
        logLines.some((line) => line.includes('BlockGapError: received block 1 while block 0 is next')),
      ).toBe(true);

      source.resumeMode = 'exact';
      expect((await caughtUp()).eventTxIds).toEqual(['tx-000001', 'tx-000002']);
    });
  });

  describe('(b) a projector that throws in the middle of its transaction', () => {
    it('rolls the whole block back, retries, and projects it once', async () => {
      let failing = true;
      let failures = 0;
      // writes both rows first, then throws: the transaction must take them back, and with them the
      // rows of the block's earlier event
      const flaky = smokeThen((event) => {
        if (failing && event.transactionId === 'tx-000003') {
          failures += 1;
          return Promise.reject(new Error('projector failed after writing'));
        }
        return Promise.resolve();
      });
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([smoke('a', 'a2'), smoke('b', 'b1')]);
      listen(db, [flaky]).start();

      await waitFor('two failed attempts', () => failures >= 2);
      const during = await readState(db);
      expect(during.eventTxIds).toEqual(['tx-000001']);
      expect(during.values).toEqual({ a: { value: 'a1', txId: 'tx-000001', blockNumber: 0n } });
      expect(during.checkpoint).toMatchObject({ blockNumber: 1n, transactionId: null });

      failing = false;
      const state = await caughtUp();
      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000002', 'tx-000003']);
      expect(state.values['a']).toMatchObject({ value: 'a2', txId: 'tx-000002' });
      // every retry resumed from the stored checkpoint
      expect(source.connections.slice(1)).toContainEqual({ blockNumber: 1n });
    });

    it('rolls the projection back when the checkpoint cannot be written: both commit or neither', async () => {
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([smoke('a', 'a2')]);
      await refuseCheckpoint(db, 2); // the checkpoint after block 1
      listen().start();
      await waitFor('a few retries', () => source.connections.length >= 3);
      const during = await readState(db);
      expect(during.eventTxIds).toEqual(['tx-000001']);
      expect(during.values['a']).toMatchObject({ value: 'a1' });

      await acceptCheckpoints(db);
      const state = await caughtUp();
      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000002']);
      expect(state.values['a']).toMatchObject({ value: 'a2' });
    });

    it('rolls back and retries a block whose rows the database refuses, quarantining nothing', async () => {
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([smoke('b', 'boom'), smoke('c', 'c1')]);
      await refuseSmokeValue(db, 'boom');
      const listener = listen();
      listener.start();
      await waitFor('a few retries', () => source.connections.length >= 3);
      const during = await readState(db);
      expect(during.eventTxIds).toEqual(['tx-000001']);
      expect(during.checkpoint).toMatchObject({ blockNumber: 1n, transactionId: null });
      expect(await quarantine(db)).toEqual([]);
      expect(await listener.lag()).toBe(1);

      await acceptSmokeValues(db);
      const state = await caughtUp();
      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000002', 'tx-000003']);
      expect(await quarantine(db)).toEqual([]);
    });
  });

  describe('(d) events the index does not trust or cannot read', () => {
    const withSites = (): IndexListener => listen(db, [new SmokeValueProjector(), new WasteSiteProjector()]);

    it.each([
      [
        'another department endorsed it',
        { endorserMspIds: ['RegistryMSP'] },
        'NOT_ENDORSED_BY_DEPARTMENT',
        'endorsed by RegistryMSP; needs a peer of UrbanMSP',
      ],
      [
        'another department submitted it',
        { creatorMspId: 'MarketMSP' },
        'WRONG_CREATOR_MSP',
        'created by an identity of MarketMSP; needs urban_inspector of UrbanMSP',
      ],
      [
        'a role that may not register sites submitted it',
        { creatorRole: 'hauler' },
        'WRONG_CREATOR_ROLE',
        'created by UrbanMSP with role hauler; needs urban_inspector of UrbanMSP',
      ],
      [
        'its transaction did not write the site',
        { writes: new Map([['waste', [SITE_KEY('LW-ST-002')]]]) },
        'KEY_NOT_WRITTEN',
        '1 of 1 keys not written in namespace waste: ␀waste-site␀LW-ST-666␀',
      ],
    ] as const)(
      'quarantines a site registration when %s, and projects the events after it',
      async (_what, change, reasonCode, reason) => {
        source.commitBlock([site('LW-ST-666', change), smoke('a', 'a1')]);
        source.commitBlock([site('LW-ST-001')]);
        const listener = withSites();
        listener.start();
        const state = await caughtUp();

        expect(state.eventTxIds).toEqual(['tx-000002']);
        expect(await siteIds()).toEqual(['LW-ST-001']);
        expect(await quarantine()).toEqual([
          {
            transactionId: 'tx-000001',
            eventName: 'WasteSiteRegistered',
            blockNumber: 0n,
            chaincode: 'waste',
            reasonCode,
            reason,
            payloadBase64: Buffer.from(sitePayload('LW-ST-666')).toString('base64'),
            payloadSize: Buffer.byteLength(sitePayload('LW-ST-666')),
            quarantinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as unknown,
          },
        ]);
        expect((await listener.quarantined()).get(reasonCode)).toBe(1);
        expect(
          logLines.some((line) =>
            line.includes(`Quarantined WasteSiteRegistered in block 0 transaction tx-000001: ${reasonCode}`),
          ),
        ).toBe(true);
      },
    );

    it('quarantines payloads their projector cannot read, once, instead of retrying them for ever', async () => {
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([
        { eventName: SMOKE_VALUE_WRITTEN, payload: '{"key":"bad key!"}' },
        smoke('b', 'b1'),
      ]);
      // PostgreSQL text cannot hold the NUL that the parser's message may quote back
      source.commitBlock([{ eventName: SMOKE_VALUE_WRITTEN, payload: 'not JSON \u0000' }]);
      source.commitBlock([smoke('c', 'c1')]);
      const listener = listen();
      listener.start();
      const state = await caughtUp();

      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000003', 'tx-000005']);
      expect(source.connections).toHaveLength(1); // nothing failed, nothing was retried
      const rows = await quarantine();
      expect(rows.map((row) => [row.transactionId, row.blockNumber, row.reasonCode])).toEqual([
        ['tx-000002', 1n, 'MALFORMED_PAYLOAD'],
        ['tx-000004', 2n, 'MALFORMED_PAYLOAD'],
      ]);
      expect(rows[0]?.reason).toMatch(/^MalformedEventError: .*key must be 1 to 64 characters/);
      expect(rows[1]?.reason).toMatch(/^MalformedEventError: .*payload is not UTF-8 JSON/);
      expect(rows[1]?.reason).not.toContain('\u0000');
      expect(Buffer.from(rows[1]?.payloadBase64 ?? '', 'base64').toString()).toBe('not JSON \u0000');
      expect(await listener.lag()).toBe(0);
    });

    it('adds no second quarantine row when its block is delivered or projected again', async () => {
      const block = source.commitBlock([site('LW-ST-666', { creatorRole: 'hauler' }), smoke('a', 'a1')]);
      const listener = withSites();
      expect(await listener.applyBlock(block)).toEqual({
        applied: true,
        projected: 1,
        quarantined: 1,
        withoutProjector: 0,
        skipped: 0,
      });
      const first = await quarantine();
      expect(first).toHaveLength(1);
      expect(await listener.applyBlock(block)).toMatchObject({ applied: false, quarantined: 0 });

      // an older gateway's transaction checkpoint the listener cannot place: the whole block again
      await db.run((manager) =>
        manager
          .getRepository(IndexCheckpoint)
          .update({ stream: 'chaincode-events' }, { blockNumber: 0n, transactionId: 'tx-elsewhere' }),
      );
      expect(await listener.applyBlock(block)).toMatchObject({ applied: true, projected: 1, quarantined: 1 });
      expect(await quarantine()).toEqual(first);

      // and a source that replays everything from the first block
      source.resumeMode = 'from-genesis';
      source.commitBlock([smoke('b', 'b1')]);
      listener.start();
      const state = await caughtUp();
      expect(state.eventTxIds).toEqual(['tx-000002', 'tx-000003']);
      expect(await quarantine()).toEqual(first);
    });
  });

  describe('(c) stopping and restarting', () => {
    it('a new listener on a new connection resumes from the stored checkpoint alone', async () => {
      for (let block = 0; block < 5; block += 1) {
        source.commitBlock([smoke(`k${block}`, 'first'), smoke('shared', `s${block}`)]);
      }
      const first = listen();
      first.start();
      await waitFor('some progress', async () => (await readState(db)).eventTxIds.length >= 3);
      await first.stop();
      expect(first.running).toBe(false);
      const stoppedAt = (await readState(db)).checkpoint;
      await db.dataSource.destroy();

      // the "new process": new DataSource, registry, projector and listener; only the database is shared
      for (let block = 5; block < 8; block += 1) source.commitBlock([smoke(`k${block}`, 'first')]);
      const db2 = await open();
      const second = listen(db2);
      second.start();
      const state = await caughtUp(db2);

      expect(stoppedAt?.transactionId).toBeNull();
      expect(source.connections.at(-1)).toEqual({ blockNumber: stoppedAt?.blockNumber });
      expect(state.eventTxIds).toEqual(smokeTxIds());
      expect(state.values['shared']).toMatchObject({ value: 's4' });
    });

    it('a connection killed mid-transaction leaves no partial rows, and a restart projects the event once', async () => {
      const entered = deferred();
      const gate = deferred();
      const stalling = smokeThen(async (event) => {
        if (event.transactionId === 'tx-000002') {
          entered.resolve();
          await gate.promise; // rows written, not yet committed
        }
      });
      source.commitBlock([smoke('a', 'a1')]);
      source.commitBlock([smoke('a', 'a2')]);
      const listener = listen(db, [stalling]);
      listener.start();
      await entered.promise;

      // another connection sees only committed data: the half-done event is invisible
      const observer = await open();
      expect((await readState(observer)).eventTxIds).toEqual(['tx-000001']);

      await killConnection(db, observer);
      gate.resolve();
      await listener.stop();
      await db.dataSource.destroy().catch(() => undefined);

      const db2 = await open();
      listen(db2).start();
      const state = await caughtUp(db2);
      expect(state.eventTxIds).toEqual(['tx-000001', 'tx-000002']);
      expect(state.values['a']).toMatchObject({ value: 'a2', txId: 'tx-000002' });
    });

    it('stop() returns promptly even when the source ignores the abort signal', async () => {
      source.ignoreAbort = true;
      source.commitBlock([smoke('a', 'a1')]);
      const listener = listen();
      listener.start();
      await caughtUp();
      const started = Date.now();
      await listener.stop();
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  it('reconnects with backoff while the peer is unreachable, then catches up', async () => {
    source.unreachable = new Error('14 UNAVAILABLE: connection refused');
    source.commitBlock([smoke('a', 'a1')]);
    const listener = listen();
    listener.start();
    await waitFor('several attempts', () => source.connections.length >= 3);
    await expect(listener.lag()).rejects.toThrow('UNAVAILABLE');
    source.unreachable = undefined;
    expect((await caughtUp()).eventTxIds).toEqual(['tx-000001']);
    expect(
      logLines.some((line) =>
        line.includes('Index listener failed (Error: 14 UNAVAILABLE: connection refused)'),
      ),
    ).toBe(true);
  });

  it('reports the whole height as lag before anything is projected', async () => {
    source.commitBlock([smoke('a', 'a1')]);
    source.commitBlock([]);
    expect(await listen().lag()).toBe(2);
  });

  /** A trigger makes the database refuse one block checkpoint, as a full disk might. */
  async function refuseCheckpoint(on: Database, blockNumber: number): Promise<void> {
    const statements =
      on.kind === 'sqlite'
        ? ['INSERT', 'UPDATE'].map(
            (operation) =>
              `CREATE TRIGGER refuse_checkpoint_${operation.toLowerCase()} BEFORE ${operation} ON index_checkpoints
               WHEN NEW.block_number = ${blockNumber} BEGIN SELECT RAISE(ABORT, 'checkpoint refused'); END`,
          )
        : [
            `CREATE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF NEW.block_number = ${blockNumber} THEN RAISE EXCEPTION 'checkpoint refused'; END IF;
               RETURN NEW;
             END $$`,
            `CREATE TRIGGER refuse_checkpoint BEFORE INSERT OR UPDATE ON index_checkpoints
             FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint()`,
          ];
    await on.run(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }

  /** A trigger makes the database refuse a smoke value, as a constraint of a newer schema might. */
  async function refuseSmokeValue(on: Database, value: string): Promise<void> {
    const statements =
      on.kind === 'sqlite'
        ? [
            `CREATE TRIGGER refuse_value BEFORE INSERT ON smoke_values
             WHEN NEW.value = '${value}' BEGIN SELECT RAISE(ABORT, 'value refused'); END`,
          ]
        : [
            `CREATE FUNCTION refuse_value() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF NEW.value = '${value}' THEN RAISE EXCEPTION 'value refused'; END IF;
               RETURN NEW;
             END $$`,
            `CREATE TRIGGER refuse_value BEFORE INSERT OR UPDATE ON smoke_values
             FOR EACH ROW EXECUTE FUNCTION refuse_value()`,
          ];
    await on.run(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }

  async function acceptSmokeValues(on: Database): Promise<void> {
    const statements =
      on.kind === 'sqlite'
        ? ['DROP TRIGGER refuse_value']
        : ['DROP TRIGGER refuse_value ON smoke_values', 'DROP FUNCTION refuse_value'];
    await on.run(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }

  async function acceptCheckpoints(on: Database): Promise<void> {
    const statements =
      on.kind === 'sqlite'
        ? ['DROP TRIGGER refuse_checkpoint_insert', 'DROP TRIGGER refuse_checkpoint_update']
        : ['DROP TRIGGER refuse_checkpoint ON index_checkpoints', 'DROP FUNCTION refuse_checkpoint'];
    await on.run(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
  }

  /** What a crash does to a connection: SQLite's handle closes, PostgreSQL's backend is terminated. */
  async function killConnection(victim: Database, observer: Database): Promise<void> {
    if (victim.kind === 'sqlite') {
      const driver = victim.dataSource.driver as unknown as { databaseConnection: { close(): void } };
      driver.databaseConnection.close();
      return;
    }
    const killed = await observer.run((manager) =>
      manager.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
      ),
    );
    expect(killed).toHaveLength(1);
    await observer.run((manager) => manager.query('SELECT pg_terminate_backend($1)', [killed[0]?.pid]));
  }
});
