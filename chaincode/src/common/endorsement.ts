// State-based (key-level) endorsement: the department responsible for a record must endorse every
// later change to it. The chaincode definition's policy (any one department's peer) covers a key's
// creation; from then on this key-level policy replaces it for that key, so a transaction endorsed
// only by other departments — even running modified chaincode — is invalidated at commit
// (ENDORSEMENT_POLICY_FAILURE) and changes nothing.

import { type Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { type OrgMsp } from './access';

/** Requires a peer of every one of `orgs` to endorse changes to `key` (set in the same transaction as the write). */
export async function requireEndorsementBy(
  ctx: Context,
  key: string,
  ...orgs: [OrgMsp, ...OrgMsp[]]
): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...orgs);
  await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
}

/**
 * Writes a record back unchanged, so that its key-level policy governs this transaction too. A new
 * key has no policy of its own until its creating transaction commits: a bag's scan event or a
 * case's step, created under the chaincode's any-one-department policy alone, could be forged by a
 * single other department. Rewriting the parent record (the bag, the case), which the responsible
 * department's policy already protects, puts that policy on every transaction that adds a child.
 * The transaction reads the parent anyway, so this adds no conflict it did not already have.
 */
export async function reaffirmRecord(ctx: Context, key: string): Promise<void> {
  const bytes = await ctx.stub.getState(key);
  if (bytes.length === 0) throw new Error(`cannot reaffirm ${key}: no such record`);
  await ctx.stub.putState(key, bytes);
}
