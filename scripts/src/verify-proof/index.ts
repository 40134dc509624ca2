export {
  verifyProofBundle,
  type VerificationResult,
  type VerifiedFacts,
  type VerifyOptions,
} from './verify-proof-bundle';
export { blockHash } from './block-header';
export { normaliseFingerprint } from './configuration-chain';
export { type CheckName } from './verification-failure';
