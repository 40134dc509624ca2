import { Logger } from '@nestjs/common';

import { SmokeValueEvent } from '../smoke/smoke-value-event.entity';
import { createDataSource } from './data-source-options';
import { Database } from './database';

Logger.overrideLogger(false);

describe('Database on SQLite', () => {
  let db: Database;

  beforeEach(async () => {
    db = new Database(await createDataSource({ type: 'sqlite', path: ':memory:' }).initialize());
  });

  afterEach(() => db.dataSource.destroy());

  const row = (txId: string): SmokeValueEvent => ({ txId, key: 'k', blockNumber: 1n });
  const txIds = (): Promise<string[]> =>
    db.run(async (manager) =>
      (await manager.getRepository(SmokeValueEvent).find()).map((r) => r.txId).sort(),
    );

  it('is a SQLite database', () => {
    expect(db.kind).toBe('sqlite');
  });

  // TypeORM's SQLite driver shares one connection: without the queue the second write below would
  // join the first transaction and vanish with its rollback
  it('keeps a write that overlaps a failing transaction out of that transaction', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = db.transaction(async (manager) => {
      await manager.getRepository(SmokeValueEvent).insert(row('rolled-back'));
      await held;
      throw new Error('projection failed');
    });
    const overlapping = db.run((manager) => manager.getRepository(SmokeValueEvent).insert(row('kept')));
    release();
    await expect(failing).rejects.toThrow('projection failed');
    await overlapping;
    expect(await txIds()).toEqual(['kept']);
  });

  it('goes on after a failed unit of work', async () => {
    await expect(db.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await db.ping();
  });

  it('ping fails once the database is closed', async () => {
    await db.dataSource.destroy();
    await expect(db.ping()).rejects.toThrow();
    db = new Database(await createDataSource({ type: 'sqlite', path: ':memory:' }).initialize());
  });
});
