// What the other packages' tests may take from the gateway's code, through this one entry point
// (eslint.config.mjs refuses any other import of gateway-api/src from scripts and test; the scripts'
// production code imports nothing of the gateway at all). The verifier's tests check it against the
// bundles the gateway really builds, and the end-to-end tests read the configuration chain and the
// paging limits the way the gateway does.

export {
  buildProofBundle,
  type BuildProofBundleInput,
  ConfigurationHistory,
  lastConfigBlockNumber,
} from './verify/proof-bundle';
export { signedBlockOf } from './verify/proof-bundle/signed-block';
export { MAX_PAGE, MAX_PAGE_SIZE } from './common/paging/page-query';
