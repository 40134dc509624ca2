import { type BlockEvent } from '../../ledger/ledger-events.port';
import { type Projection, type Projector } from '../projection/projector';
import { type QuarantineReason, QuarantineReasons } from '../quarantine/quarantine-reasons';
import { checkTrust } from '../trust/check-trust';

/** What the listener does with an event that has a projector. */
export type Admission =
  | { readonly kind: 'project'; readonly projection: Projection }
  | { readonly kind: 'quarantine'; readonly reason: QuarantineReason; readonly problem: string };

/**
 * Reads `event` with its projector and checks what it claims against its transaction, without the
 * database. `prepare` never sees the database, so whatever it throws is about the payload: trying the
 * same bytes again would fail the same way, for ever, and hold every domain's projection at this
 * block. Such an event is quarantined like one that fails the trust check: set aside, visible, and
 * the index moves on. Failures of the database happen later, in `write`, and still roll back.
 */
export function admit(projector: Projector, event: BlockEvent): Admission {
  let projection: Projection;
  try {
    projection = projector.prepare(event);
  } catch (error) {
    return { kind: 'quarantine', reason: QuarantineReasons.MalformedPayload, problem: describe(error) };
  }
  const verdict = checkTrust(event, projection.claim);
  if (verdict.trusted) return { kind: 'project', projection };
  return { kind: 'quarantine', reason: verdict.reason, problem: verdict.problems.join('; ') };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
