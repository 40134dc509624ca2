// The gateway's test helpers other packages' tests use, through this one entry point (lint-enforced,
// like gateway-api/src/index.ts for the gateway's code): synthetic Fabric blocks and a test PKI for
// the offline verifier's tests, a throw-away PostgreSQL server, and the bad query values every list
// route must refuse.

export {
  committedBlock,
  configBlock,
  endorserTransaction,
  headerDer,
  serializedIdentity,
  type SyntheticOrganization,
  type SyntheticSigner,
  type SyntheticWrite,
} from '../../src/verify/proof-bundle/testing/synthetic-block';
export { type TestCa, TestPki } from '../../src/verify/proof-bundle/testing/test-pki';
export { startPostgres, type RunningPostgres } from './postgres';
export { badIntegerValues, fieldsNamed } from './bad-query-values';
export { randomPlate, registerFreshVehicle, vehicleBody } from './fresh-vehicle';
