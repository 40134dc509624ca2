// State-based (key-level) endorsement: the department responsible for a record must endorse every
// later change to it. The chaincode definition's policy (any one department's peer) covers a key's
// creation; from then on this key-level policy replaces it for that key, so a transaction endorsed
// only by other departments — even running modified chaincode — is invalidated at commit
// (ENDORSEMENT_POLICY_FAILURE) and changes nothing.

import { type Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { type OrgMsp } from './access';

/**
 * Requires a peer of every one of `orgs` to endorse changes to `key` (set in the same transaction as
 * the write). Setting it again on an existing key is how a transaction puts itself under that key's
 * policy without changing the key: a new child record (a bag's scan event, a case's step) has no
 * policy of its own until it commits, but this metadata write of its parent must satisfy the
 * parent's current policy, so another department's peer running this chaincode cannot endorse the
 * child's creation alone. (Chaincode modified to leave this write out escapes it: chaincode/README.md,
 * "Endorsement".)
 */
export async function requireEndorsementBy(
  ctx: Context,
  key: string,
  ...orgs: [OrgMsp, ...OrgMsp[]]
): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...orgs);
  await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
}
