// A minimal model of the peer's endorsement-policy validation at commit, for tests that must show a
// transaction endorsed by the wrong organisations changes nothing. The in-memory stub does not check
// policies; this checks, for every public key the transaction writes, the key-level policy committed
// for it (state-based endorsement, as KeyEndorsementPolicy writes it: every listed org must endorse)
// or, for a key without one, the chaincode definition's policy (default: any one of the four peer orgs).
// When a check fails the transaction is not committed and ENDORSEMENT_POLICY_FAILURE is reported, as
// the peer marks it invalid. Collection-level policies of private writes are not modelled.

import { KeyEndorsementPolicy } from 'fabric-shim';
import { OrgMsps } from '../common/access';
import { type InMemoryLedger } from './in-memory-ledger';
import { type CommitResult, type InMemoryStub } from './in-memory-stub';
import { PUBLIC_STATE } from './world-state';

export type EndorsedCommitResult =
  | CommitResult
  | { readonly txId: string; readonly validationCode: 'ENDORSEMENT_POLICY_FAILURE'; readonly key: string };

/** The chaincode-level policy of network/chaincode-definition.yaml (any one of the four peer orgs) as a predicate. */
export function anyMemberOrg(endorsers: ReadonlySet<string>): boolean {
  return Object.values(OrgMsps).some((msp) => endorsers.has(msp));
}

/** Commits `tx` as if endorsed by peers of `endorsingOrgs`, or reports the first key whose policy fails. */
export function commitEndorsedBy(
  ledger: InMemoryLedger,
  tx: InMemoryStub,
  endorsingOrgs: readonly string[],
  chaincodePolicy: (endorsers: ReadonlySet<string>) => boolean = anyMemberOrg,
): EndorsedCommitResult {
  const endorsers = new Set(endorsingOrgs);
  // A value write and a policy (metadata) write are both checked against the key's committed policy:
  // changing a key's policy needs whoever the current one names, as on a peer.
  for (const write of [...tx.pendingWrites(), ...tx.pendingValidationParameterWrites()]) {
    if (write.namespace !== PUBLIC_STATE) {
      continue;
    }
    const parameter = ledger.getStateValidationParameter(write.key);
    const satisfied =
      parameter === undefined
        ? chaincodePolicy(endorsers)
        : new KeyEndorsementPolicy(parameter).listOrgs().every((org) => endorsers.has(org));
    if (!satisfied) {
      return { txId: tx.getTxID(), validationCode: 'ENDORSEMENT_POLICY_FAILURE', key: write.key };
    }
  }
  return tx.commit();
}
