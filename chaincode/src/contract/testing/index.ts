// Test helpers other packages' tests may take from the chaincode, through this one entry point (the
// lint rule allows chaincode/src/contract and chaincode/src/contract/testing only).
export { IdentifierArbitraries } from './identifier-arbitraries';
