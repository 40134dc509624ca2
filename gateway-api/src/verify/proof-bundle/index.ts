export { buildProofBundle, type BuildProofBundleInput } from './build-proof-bundle';
export { ConfigurationHistory, type BlockReader } from './configuration-history';
export { lastConfigBlockNumber } from './last-config';
export { ProofBundleError, type ProofBundleErrorCode } from './proof-bundle-error';
