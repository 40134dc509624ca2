import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LessThanOrEqual, type Repository } from 'typeorm';

import { Database } from '../index-db/database/database';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';
import { type RequestFingerprint, sameRequest } from './request-fingerprint';

export interface IdempotentRequest {
  /** The principal's user; '' when anonymous. */
  readonly user: string;
  readonly key: string;
  readonly fingerprint: RequestFingerprint;
}

/** Proof of owning a record: only its holder can complete or release it. */
export interface ClaimTicket {
  readonly user: string;
  readonly key: string;
  readonly attemptId: string;
}

export type Claim =
  /** First use (or the previous record expired): run the request, then complete or release. */
  | { readonly kind: 'acquired'; readonly ticket: ClaimTicket }
  /** The first request finished: answer with its status and body. */
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  /** The key was used for a different request. */
  | { readonly kind: 'mismatch' }
  /** The first request is still running. */
  | { readonly kind: 'in-progress' }
  /**
   * The first request's transaction `txId` went out but its commit was never confirmed. The ticket
   * is the record as it stands: `complete` stores a rebuilt answer, `restart` takes the key over to
   * run the request afresh; both act only if the record is still this one.
   */
  | {
      readonly kind: 'unknown-outcome';
      readonly ticket: ClaimTicket;
      readonly txId: string;
      /** When the attempt that submitted `txId` started (ISO-8601). */
      readonly since: string;
    };

/** Claiming retries when a record vanishes between insert and read (released or purged meanwhile). */
const CLAIM_ATTEMPTS = 3;

/**
 * The idempotency records. Concurrency comes down to the primary key (user, key): the insert of a
 * new record is `INSERT … ON CONFLICT DO NOTHING` (SQLite: `INSERT OR IGNORE`), and whoever's random
 * attempt id ends up in the row owns it. Completing, releasing and taking over an expired record are
 * updates conditional on the attempt id, so they never act on a record someone else owns by now.
 */
@Injectable()
export class IdempotencyStore {
  private readonly ttlMs: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    @Inject(IDEMPOTENCY_OPTIONS) options: IdempotencyOptions,
  ) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.leaseMs = (options.leaseSeconds ?? options.ttlSeconds) * 1000;
    this.now = options.now ?? ((): Date => new Date());
  }

  claim(request: IdempotentRequest): Promise<Claim> {
    return this.db.run(async (manager) => {
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
        const claim = await this.tryClaim(manager, request);
        if (claim !== undefined) return claim;
      }
      throw new Error(`idempotency record ${request.key} kept vanishing while being claimed`);
    });
  }

  /** Stores the answer for replay. False when the record is no longer this ticket's (expired, taken over). */
  complete(ticket: ClaimTicket, status: number, body: string | null): Promise<boolean> {
    return this.db.run(async (manager) => {
      const result = await records(manager).update(owned(ticket), {
        state: 'COMPLETED',
        responseStatus: status,
        responseBody: body,
      });
      return result.affected === 1;
    });
  }

  /**
   * Keeps the record after a write whose transaction `txId` may still commit: a retry must look it up
   * instead of writing again. False when the record is no longer this ticket's.
   */
  markUnknownOutcome(ticket: ClaimTicket, txId: string): Promise<boolean> {
    return this.db.run(async (manager) => {
      const result = await records(manager).update(
        { ...owned(ticket), state: 'IN_PROGRESS' },
        { state: 'UNKNOWN_OUTCOME', txId },
      );
      return result.affected === 1;
    });
  }

  /**
   * Takes over an UNKNOWN_OUTCOME record whose transaction turned out never to commit: IN_PROGRESS
   * again under a new attempt id and start time, the txId forgotten. Undefined when another retry
   * took it first (only one of them may write).
   */
  restart(ticket: ClaimTicket): Promise<ClaimTicket | undefined> {
    const attemptId = randomUUID();
    return this.db.run(async (manager) => {
      const result = await records(manager).update(
        { ...owned(ticket), state: 'UNKNOWN_OUTCOME' },
        { attemptId, state: 'IN_PROGRESS', txId: null, createdAt: this.now().toISOString() },
      );
      return result.affected === 1 ? { ...ticket, attemptId } : undefined;
    });
  }

  /** Forgets the record, so the client may try again with the same key. */
  release(ticket: ClaimTicket): Promise<void> {
    return this.db.run(async (manager) => {
      await records(manager).delete(owned(ticket));
    });
  }

  /** Deletes expired records; returns how many. */
  purgeExpired(): Promise<number> {
    const now = this.now().toISOString();
    return this.db.run(async (manager) => {
      const result = await records(manager).delete({ expiresAt: LessThanOrEqual(now) });
      return result.affected ?? 0;
    });
  }

  private async tryClaim(manager: EntityManager, request: IdempotentRequest): Promise<Claim | undefined> {
    const repository = records(manager);
    const fresh = this.newRecord(request);
    await manager.createQueryBuilder().insert().into(IdempotencyRecord).values(fresh).orIgnore().execute();
    let row = await repository.findOneBy({ userId: request.user, key: request.key });
    if (row !== null && row.attemptId !== fresh.attemptId && this.replaceable(row, fresh.createdAt)) {
      // expired, or abandoned in progress: replace it, unless another request replaced it first (then
      // its attempt id is there); `fresh` repeats the key columns with their current values
      await repository.update({ userId: row.userId, key: row.key, attemptId: row.attemptId }, fresh);
      row = await repository.findOneBy({ userId: request.user, key: request.key });
    }
    if (row === null) return undefined;
    if (row.attemptId === fresh.attemptId) {
      return {
        kind: 'acquired',
        ticket: { user: request.user, key: request.key, attemptId: fresh.attemptId },
      };
    }
    return judge(row, request);
  }

  /**
   * An expired record, or one IN_PROGRESS for longer than any request can run: its gateway died
   * before completing or releasing it (a SIGKILL, a crash), and the client's retry must get through.
   * An UNKNOWN_OUTCOME record is never taken over by age alone: only the ledger look-up may decide
   * that its transaction will not commit (restart).
   */
  private replaceable(row: IdempotencyRecord, nowIso: string): boolean {
    if (row.expiresAt <= nowIso) return true;
    const abandonedBefore = new Date(Date.parse(nowIso) - this.leaseMs).toISOString();
    return row.state === 'IN_PROGRESS' && row.createdAt <= abandonedBefore;
  }

  private newRecord(request: IdempotentRequest): IdempotencyRecord {
    const now = this.now();
    return {
      userId: request.user,
      key: request.key,
      attemptId: randomUUID(),
      state: 'IN_PROGRESS',
      requestMethod: request.fingerprint.method,
      requestPath: request.fingerprint.path,
      bodySha256: request.fingerprint.bodySha256,
      responseStatus: null,
      responseBody: null,
      txId: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    };
  }
}

function records(manager: EntityManager): Repository<IdempotencyRecord> {
  return manager.getRepository(IdempotencyRecord);
}

function owned(ticket: ClaimTicket): Pick<IdempotencyRecord, 'userId' | 'key' | 'attemptId'> {
  return { userId: ticket.user, key: ticket.key, attemptId: ticket.attemptId };
}

function judge(row: IdempotencyRecord, request: IdempotentRequest): Claim {
  const stored = { method: row.requestMethod, path: row.requestPath, bodySha256: row.bodySha256 };
  if (!sameRequest(stored, request.fingerprint)) return { kind: 'mismatch' };
  if (row.state === 'UNKNOWN_OUTCOME' && row.txId !== null) {
    return {
      kind: 'unknown-outcome',
      ticket: { user: request.user, key: request.key, attemptId: row.attemptId },
      txId: row.txId,
      since: row.createdAt,
    };
  }
  if (row.state !== 'COMPLETED' || row.responseStatus === null) return { kind: 'in-progress' };
  return {
    kind: 'replay',
    status: row.responseStatus,
    body: row.responseBody === null ? undefined : (JSON.parse(row.responseBody) as unknown),
  };
}
