export * from './bundle-format';
export { buildProofBundle, type BuildProofBundleInput } from './build-proof-bundle';
export { lastConfigBlockNumber } from './last-config';
export { ProofBundleError, type ProofBundleErrorCode } from './proof-bundle-error';
