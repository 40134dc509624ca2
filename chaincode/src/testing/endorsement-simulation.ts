// A minimal model of the peer's endorsement-policy validation at commit, for tests that must show a
// transaction endorsed by the wrong organisations changes nothing. The in-memory stub does not check
// policies; this checks, for every public key the transaction writes, the key-level policy committed
// for it (state-based endorsement, as KeyEndorsementPolicy writes it: every listed org must endorse)
// or, for a key without one, the chaincode-level policy of the namespace written (definitions.ts: OR
// of the definition's endorsers' peers; a namespace not defined there: any one of the four peer orgs).
// When a check fails the transaction is not committed and ENDORSEMENT_POLICY_FAILURE is reported, as
// the peer marks it invalid. A namespace the transaction only read is not checked (the peer checks
// reads for MVCC only). Collection-level policies of private writes are not modelled.

import { KeyEndorsementPolicy } from 'fabric-shim';
import { OrgMsps } from '../common/access';
import { definitionNamed } from '../common/definitions';
import { type InMemoryLedger } from './in-memory-ledger';
import { type CommitResult, type InMemoryStub } from './in-memory-stub';
import { PUBLIC_STATE } from './world-state';

export type EndorsedCommitResult =
  | CommitResult
  | {
      readonly txId: string;
      readonly validationCode: 'ENDORSEMENT_POLICY_FAILURE';
      readonly chaincodeName: string;
      readonly key: string;
    };

/** A chaincode-level policy as a predicate over the set of endorsing organisations. */
export type ChaincodePolicy = (endorsers: ReadonlySet<string>) => boolean;

/** Any one of the four peer orgs: the policy of a namespace definitions.ts does not name. */
export function anyMemberOrg(endorsers: ReadonlySet<string>): boolean {
  return Object.values(OrgMsps).some((msp) => endorsers.has(msp));
}

/** The chaincode-level policy of network/chaincode-definitions.yaml: OR of the definition's endorsers. */
export function definitionPolicy(chaincodeName: string): ChaincodePolicy {
  const definition = definitionNamed(chaincodeName);
  if (definition === undefined) return anyMemberOrg;
  return (endorsers) => definition.endorsers.some((msp) => endorsers.has(msp));
}

/** Commits `tx` as if endorsed by peers of `endorsingOrgs`, or reports the first key whose policy fails. */
export function commitEndorsedBy(
  ledger: InMemoryLedger,
  tx: InMemoryStub,
  endorsingOrgs: readonly string[],
  policyOf: (chaincodeName: string) => ChaincodePolicy = definitionPolicy,
): EndorsedCommitResult {
  const endorsers = new Set(endorsingOrgs);
  // A value write and a policy (metadata) write are both checked against the key's committed policy:
  // changing a key's policy needs whoever the current one names, as on a peer.
  for (const write of [...tx.pendingWrites(), ...tx.pendingValidationParameterWrites()]) {
    if (write.namespace !== PUBLIC_STATE) {
      continue;
    }
    const parameter = ledger.getStateValidationParameter(write.key, write.chaincodeName);
    const satisfied =
      parameter === undefined
        ? policyOf(write.chaincodeName)(endorsers)
        : new KeyEndorsementPolicy(parameter).listOrgs().every((org) => endorsers.has(org));
    if (!satisfied) {
      return {
        txId: tx.getTxID(),
        validationCode: 'ENDORSEMENT_POLICY_FAILURE',
        chaincodeName: write.chaincodeName,
        key: write.key,
      };
    }
  }
  return tx.commit();
}
