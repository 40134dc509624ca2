import { isOrgMsp, isRole, RoleMsp } from '../../../../chaincode/src/contract';
import { type BlockEvent, type TransactionOrigin } from '../../ledger/ledger-events.port';
import { type QuarantineReason, QuarantineReasons } from '../quarantine/quarantine-reasons';
import { printableKey } from './ledger-key';
import { ANY_MEMBER, type TrustRule, trustRuleFor } from './trust-rules';

/** What an event's rows say the ledger holds, read from its payload by the event's projector. */
export interface LedgerClaim {
  /** The public keys the chaincode writes for these rows, in the namespace of the rule's definition. */
  readonly keys: readonly string[];
  /** For an event whose authority depends on its payload (a business step): which rule applies. */
  readonly subject?: string;
}

export type TrustVerdict =
  | { readonly trusted: true }
  | {
      readonly trusted: false;
      /** The first check that failed. */
      readonly reason: QuarantineReason;
      /** Every failed check, for the operator. */
      readonly problems: readonly string[];
    };

interface Failure {
  readonly reason: QuarantineReason;
  readonly problem: string;
}

const TRUSTED: TrustVerdict = { trusted: true };

/** Keys named in a problem; a 1000-bag batch missing them all needs no 1000-key message. */
const KEYS_SHOWN = 3;

/**
 * Whether the index may project `event`: it was emitted by the chaincode definition that holds its
 * records, and the transaction that emitted it (a) was endorsed by the
 * responsible department's peer, (b) was submitted by an identity of that department with a role
 * allowed to write the record, and (c) wrote every key the event's rows stand for. Valid chaincode
 * on a correctly configured network always passes; an event that fails was produced by chaincode
 * that skips its own checks (say, modified chaincode on another department's peer) or by a network
 * whose policies let it through, and the ledger's own state may not hold what it says.
 */
export function checkTrust(event: BlockEvent, claim: LedgerClaim): TrustVerdict {
  const rule = trustRuleFor(event.eventName, claim.subject);
  if (rule === undefined) {
    const variant = claim.subject === undefined ? '' : ` (${claim.subject})`;
    return {
      trusted: false,
      reason: QuarantineReasons.NoTrustRule,
      problems: [`no trust rule for ${event.eventName}${variant}`],
    };
  }
  const failures = [
    ...namespaceFailures(rule, event),
    ...endorsementFailures(rule, event.origin),
    ...creatorFailures(rule, event.origin),
    ...keyFailures(claim, rule.namespace, event),
  ];
  const first = failures[0];
  if (first === undefined) return TRUSTED;
  return { trusted: false, reason: first.reason, problems: failures.map((failure) => failure.problem) };
}

function namespaceFailures(rule: TrustRule, event: BlockEvent): Failure[] {
  if (event.chaincodeName === rule.namespace) return [];
  return [
    {
      reason: QuarantineReasons.WrongNamespace,
      problem: `emitted by chaincode ${event.chaincodeName}; ${event.eventName} comes from ${rule.namespace}`,
    },
  ];
}

function endorsementFailures(rule: TrustRule, origin: TransactionOrigin): Failure[] {
  const missing = rule.endorsers.filter((msp) => !origin.endorserMspIds.includes(msp));
  if (missing.length === 0) return [];
  const endorsers = origin.endorserMspIds.length === 0 ? 'no peer' : origin.endorserMspIds.join(', ');
  return [
    {
      reason: QuarantineReasons.NotEndorsedByDepartment,
      problem: `endorsed by ${endorsers}; needs a peer of ${missing.join(' and ')}`,
    },
  ];
}

function creatorFailures(rule: TrustRule, origin: TransactionOrigin): Failure[] {
  const { creatorMspId, creatorRole } = origin;
  if (rule.submitters === ANY_MEMBER) {
    if (isOrgMsp(creatorMspId)) return [];
    return [
      { reason: QuarantineReasons.WrongCreatorMsp, problem: `created by ${creatorMspId}, not a member` },
    ];
  }
  const allowedMsps = new Set<string>(rule.submitters.map((role) => RoleMsp[role]));
  const wanted = rule.submitters.map((role) => `${role} of ${RoleMsp[role]}`).join(' or ');
  if (!allowedMsps.has(creatorMspId)) {
    return [
      {
        reason: QuarantineReasons.WrongCreatorMsp,
        problem: `created by an identity of ${creatorMspId}; needs ${wanted}`,
      },
    ];
  }
  // the same rule as the chaincode's requireRole: a role counts only from the MSP that grants it
  const allowed =
    isRole(creatorRole) && rule.submitters.includes(creatorRole) && RoleMsp[creatorRole] === creatorMspId;
  if (allowed) return [];
  return [
    {
      reason: QuarantineReasons.WrongCreatorRole,
      problem: `created by ${creatorMspId} with role ${creatorRole ?? '(none)'}; needs ${wanted}`,
    },
  ];
}

function keyFailures(claim: LedgerClaim, namespace: string, event: BlockEvent): Failure[] {
  if (claim.keys.length === 0) return [];
  const written = new Set(event.origin.writes.get(namespace));
  const missing = claim.keys.filter((key) => !written.has(key));
  if (missing.length === 0) return [];
  const shown = missing.slice(0, KEYS_SHOWN).map(printableKey).join(', ');
  const more = missing.length > KEYS_SHOWN ? ', …' : '';
  return [
    {
      reason: QuarantineReasons.KeyNotWritten,
      problem:
        `${missing.length} of ${claim.keys.length} keys not written in namespace ${namespace}: ` +
        `${shown}${more}`,
    },
  ];
}
