// The entry the end-to-end tests deploy (`deploy --test-fixtures`, through chaincode/test-fixtures/):
// the production contracts plus SmokeContract, a domain-free Put/Get that lets the tests prove the
// ledger round trip, key-level endorsement and the index's crash safety. It is never served by the
// production entry (index.ts): any member could write arbitrary text to the channel with it.

import { contracts as productionContracts } from './index';
import { SmokeContract } from './smoke/smoke-contract';

export const contracts = [...productionContracts, SmokeContract];
