// What the end-to-end and network tests (test/, gateway-api/test) may use of the scripts: where the
// runtime files are, the topology and its crypto layout, the deployment state and lifecycle steps the
// policy tests drive, the demo users, the channel fingerprint, the offline verifier and the station
// scanner. One entry point, like chaincode/src/contract; eslint.config.mjs refuses the tests any other
// import of scripts/src.

export { networkPath, paths } from './lib/paths';
export { gatewayNodeArguments } from './lib/gateway-command';
export { address, anchorPeer, fqdn, loadTopology, type PeerOrg, type Topology } from './network/topology';
export { crypto } from './network/crypto-layout';
export { chaincodeServerName } from './network/process-specs';
export { networkUp } from './network/lifecycle';
export { channelFingerprint } from './network/channel-fingerprint';
export { loadDefinitionConfigs } from './deploy/chaincode-definitions';
export { readDeploymentState, writeDeploymentState } from './deploy/deployment-state';
export { approve, commit, type Committed, queryCommitted } from './deploy/lifecycle-commands';
export { waitCommittedEverywhere } from './deploy/upgrade-definition';
export { connectionProfile } from './identity/connection-profile';
export { demoUsers } from './identity/roles';
export { certificateAttributes } from './identity/certificate';
export { ensureChromium } from './browser/ensure-chromium';
export { establishConfiguration, OrganizationTrust, verifyProofBundle } from './verify-proof';
export { batchesOf, parseScanCsv } from './scanner/scan-csv';
export { uploadBatches } from './scanner/upload';
export { GatewayClient } from './device-simulator/gateway-client';
export { type MorningReport, simulateMorning } from './device-simulator/simulate-morning';
export { summary } from './device-simulator/simulate-command';
