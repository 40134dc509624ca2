import { createHash } from 'node:crypto';

import { peer } from '@hyperledger/fabric-protos';

import { type OrganizationTrust } from './organization-trust';
import { signatureVerifies } from './signature';
import { type TransactionEnvelope } from './transaction-envelope';
import { decoded, fail, required } from './verification-failure';

export interface EndorsedResult {
  /** The serialised peer.ProposalResponsePayload every endorser signed: it holds the write set. */
  readonly responsePayload: Uint8Array;
  /** MSP ids of the endorsers, each proven by a valid signature, sorted and unique. */
  readonly endorsers: readonly string[];
}

/**
 * Checks the endorsements the way a committing peer's validation does, before any policy:
 *
 * - one action per transaction (Fabric commits no other);
 * - the proposal response payload's proposal_hash is SHA-256(channel header || action's signature
 *   header || chaincode proposal payload), tying what was endorsed to this transaction;
 * - every endorsement's endorser identity is a peer of its org (Node OU), valid and not revoked in the
 *   channel configuration in force, and its signature over
 *   proposal_response_payload || endorser verifies. One bad endorsement fails the proof: a bundle
 *   should not carry material that does not verify.
 */
export function checkEndorsements(
  transaction: TransactionEnvelope,
  trust: OrganizationTrust,
): EndorsedResult {
  const [action, ...others] = transaction.actions;
  if (action === undefined || others.length > 0) {
    fail(
      'endorsement',
      `the transaction has ${transaction.actions.length} actions; Fabric commits exactly one`,
    );
  }
  const { endorsed, proposalPayload } = decoded('endorsement', 'the chaincode action payload', () => {
    const payload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
    return {
      endorsed: required('endorsement', payload.getAction(), 'the endorsed action'),
      proposalPayload: payload.getChaincodeProposalPayload_asU8(),
    };
  });
  const responsePayload = endorsed.getProposalResponsePayload_asU8();
  checkProposalHash(transaction, action.getHeader_asU8(), proposalPayload, responsePayload);
  const endorsements = endorsed.getEndorsementsList();
  if (endorsements.length === 0) fail('endorsement', 'the transaction carries no endorsement');
  const endorsers = endorsements.map((endorsement, index) =>
    checkEndorsement(endorsement, index, responsePayload, transaction.timestamp, trust),
  );
  return { responsePayload, endorsers: [...new Set(endorsers)].sort() };
}

function checkProposalHash(
  transaction: TransactionEnvelope,
  signatureHeader: Uint8Array,
  proposalPayload: Uint8Array,
  responsePayload: Uint8Array,
): void {
  const expected = createHash('sha256')
    .update(transaction.channelHeader)
    .update(signatureHeader)
    .update(proposalPayload)
    .digest();
  const response = decoded('endorsement', 'the proposal response payload', () =>
    peer.ProposalResponsePayload.deserializeBinary(responsePayload),
  );
  if (!expected.equals(response.getProposalHash_asU8())) {
    fail(
      'endorsement',
      'the endorsed proposal hash does not match this transaction (endorsements from another proposal)',
    );
  }
}

function checkEndorsement(
  endorsement: peer.Endorsement,
  index: number,
  responsePayload: Uint8Array,
  at: Date,
  trust: OrganizationTrust,
): string {
  const endorser = endorsement.getEndorser_asU8();
  const who = `endorser ${index + 1}`;
  // endorsement policies name peers ('X.peer'): a clerk's or an admin's signature is not an endorsement
  const identity = trust.validate(endorser, at, 'endorsement', who, 'peer');
  const signed = Buffer.concat([responsePayload, endorser]);
  if (!signatureVerifies(identity.certificate, signed, endorsement.getSignature_asU8())) {
    fail(
      'endorsement',
      `the signature of ${who} (${identity.mspId}) does not verify with its certificate's key`,
    );
  }
  return identity.mspId;
}
