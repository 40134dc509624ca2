export {
  verifyProofBundle,
  type VerificationResult,
  type VerifiedFacts,
  type VerifyOptions,
} from './verify-proof-bundle';
export { blockHash } from './block-header';
export { establishConfiguration, normaliseFingerprint } from './configuration-chain';
export { OrganizationTrust } from './organization-trust';
export { type CheckName } from './verification-failure';
