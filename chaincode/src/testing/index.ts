// Unit-test support: an in-memory ledger whose transactions are faithful ChaincodeStubs, and real
// X.509 test identities read by fabric-shim's own ClientIdentity.

export {
  type CommittedEvent,
  type CommittedTransaction,
  type DeployedChaincode,
  InMemoryLedger,
  type LedgerOptions,
  type TransactionOptions,
} from './in-memory-ledger';
export {
  type ChaincodeEventRecord,
  type CommitResult,
  InMemoryStub,
  type PendingWrite,
  type ValidationCode,
} from './in-memory-stub';
export { type ContractClass, ShimRouter, type ShimResponse } from './shim-router';
export {
  identityForRole,
  newTestIdentity,
  type TestIdentity,
  type TestIdentityOptions,
} from './test-identity';
