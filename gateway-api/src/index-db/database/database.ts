import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The gateway's access to its database; index and idempotency code go through it, never through the
 * DataSource directly.
 *
 * Why: TypeORM's SQLite driver has one connection and one query runner for the whole process, so two
 * `transaction()` calls that overlap in time do not get two transactions: the second becomes a
 * SAVEPOINT inside the first, and a plain statement issued meanwhile joins whichever transaction is
 * open. An idempotency record could then be rolled back with a failed event projection. On SQLite
 * this class therefore runs one unit of work at a time (a promise queue); PostgreSQL has a pool of
 * real connections and needs no queue.
 */
@Injectable()
export class Database {
  readonly kind: DatabaseKind;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {
    this.kind = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.dataSource.transaction(work));
  }

  /**
   * Runs `work` outside a transaction (each statement commits on its own). On SQLite nothing else
   * interleaves with it, but it is still not atomic: use `transaction` when it must be.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.dataSource.manager));
  }

  /** `SELECT 1`: throws when the database cannot be reached. */
  async ping(): Promise<void> {
    await this.run((manager) => manager.query('SELECT 1'));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.kind === 'postgres') return work();
    const result = this.#tail.then(work, work);
    // the queue must go on after a failure; the caller still sees the error through `result`
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
