export {
  verifyProofBundle,
  type VerificationResult,
  type VerifiedFacts,
  type VerifyOptions,
} from './verify-proof-bundle';
export { type TrustedRootFingerprints } from './organization-trust';
export { type CheckName } from './verification-failure';
