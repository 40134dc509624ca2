import { OrgMsps, RoleMsp } from '../../../../../chaincode/src/contract';
import { type TransactionOrigin } from '../../../ledger/ledger-events.port';
import { type LedgerClaim } from '../check-trust';
import { ANY_MEMBER, trustRuleFor } from '../trust-rules';

/**
 * The origin our chaincode gives a transaction whose event makes `claim`: submitted by the first role
 * the trust rule allows (a member without a role where any member may write), endorsed by exactly the
 * rule's departments, writing exactly the claimed keys in the rule's definition's namespace. Tests
 * start from it and change one thing. Test-only.
 */
export function trustedOrigin(eventName: string, claim: LedgerClaim): TransactionOrigin {
  const rule = trustRuleFor(eventName, claim.subject);
  if (rule === undefined) throw new Error(`no trust rule for ${eventName} ${claim.subject ?? ''}`);
  const role = rule.submitters === ANY_MEMBER ? undefined : rule.submitters[0];
  const creatorMspId = role === undefined ? OrgMsps.Registry : RoleMsp[role];
  return {
    creatorMspId,
    ...(role !== undefined && { creatorRole: role }),
    endorserMspIds: rule.endorsers.length === 0 ? [creatorMspId] : [...rule.endorsers].sort(),
    writes: new Map([[rule.namespace, [...claim.keys]]]),
  };
}
