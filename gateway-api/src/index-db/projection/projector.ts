import { type EntityManager } from 'typeorm';

import { type LedgerEvent } from '../../ledger/ledger-events.port';

/**
 * Turns one chaincode event into index rows. `project` runs inside the listener's transaction for the
 * event's block, which also stores the checkpoint, so it must write through `manager` only and never
 * commit on its own.
 *
 * Contract: a projector recognises a redelivered transaction by its id and changes nothing the second
 * time (the listener filters what its block checkpoint proves projected, but resuming from an older
 * gateway's transaction checkpoint that it cannot place in its block, it hands that whole block over
 * again). Throwing rolls the whole block back; the listener retries.
 */
export interface Projector {
  /** The chaincode event name this projector handles; one projector per name. */
  readonly eventName: string;
  project(manager: EntityManager, event: LedgerEvent): Promise<void>;
}

/** Injection token of the list of projectors the registry is built from. */
export const PROJECTORS = Symbol('PROJECTORS');
