import { type EntityManager } from 'typeorm';

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type LedgerClaim } from '../trust/check-trust';

/**
 * One event read by its projector, ready to be checked and written. Reading and writing are two steps
 * so that the listener can check the claim against the event's transaction before any row exists,
 * and so that everything a payload can get wrong surfaces before the database is touched.
 */
export interface Projection {
  /** The ledger keys (and rule variant) the rows stand for; see checkTrust. */
  readonly claim: LedgerClaim;
  /**
   * Writes the rows. Runs inside the listener's transaction for the event's block, which also stores
   * the checkpoint, so it must write through `manager` only and never commit on its own. Throwing
   * rolls the whole block back and the listener retries it: this step should fail only when the
   * database does.
   */
  write(manager: EntityManager): Promise<void>;
}

/**
 * Turns one chaincode event into index rows.
 *
 * `prepare` reads the payload without the database. It throws MalformedEventError (or whatever its
 * parser throws) for a payload it cannot read; the listener then quarantines the event rather than
 * retry it, since reading the same bytes again gives the same answer.
 *
 * Contract: a projection recognises a redelivered transaction by its id and changes nothing the
 * second time (the listener filters what its block checkpoint proves projected, but resuming from an
 * older gateway's transaction checkpoint that it cannot place in its block, it hands that whole block
 * over again).
 */
export interface Projector {
  /** The chaincode event name this projector handles; one projector per name. */
  readonly eventName: string;
  prepare(event: LedgerEvent): Projection;
}

/** Injection token of the list of projectors the registry is built from. */
export const PROJECTORS = Symbol('PROJECTORS');
