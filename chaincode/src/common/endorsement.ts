// State-based (key-level) endorsement: after a key carries such a policy, every later change to it
// needs the peers the policy names, whatever the namespace's chaincode-level policy admits.
//
// Only the smoke test fixture uses it. Its definition's policy admits any of the four departments, so
// a key-level policy is what gives a smoke key an owner. The production definitions do not need it:
// each one's chaincode-level policy is its department's peer alone, which already governs the
// creation and every change of every key of that namespace (chaincode/README.md, "Endorsement").

import { type Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { type OrgMsp } from './access';

/** Requires a peer of every one of `orgs` to endorse later changes to `key` (set with its write). */
export async function requireEndorsementBy(
  ctx: Context,
  key: string,
  ...orgs: [OrgMsp, ...OrgMsp[]]
): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...orgs);
  await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
}
