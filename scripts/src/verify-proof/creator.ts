import { type OrganizationTrust } from './organization-trust';
import { signatureVerifies } from './signature';
import { type TransactionEnvelope } from './transaction-envelope';
import { fail } from './verification-failure';

/**
 * The submitting client signed the envelope: envelope.signature over the payload bytes, by the
 * creator named in the signature header, whose certificate chains to its org. This is what an orderer
 * checks on broadcast; it shows who submitted, while the endorsements show who vouched for the result.
 */
export function checkCreator(transaction: TransactionEnvelope, trust: OrganizationTrust): string {
  const creator = trust.validate(transaction.creator, transaction.timestamp, 'creator', 'the creator');
  if (!signatureVerifies(creator.certificate, transaction.payload, transaction.signature)) {
    fail('creator', `the envelope signature does not verify with the ${creator.mspId} creator's key`);
  }
  return creator.mspId;
}
