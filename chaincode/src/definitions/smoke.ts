// Entry of the `smoke` definition, a test fixture deployed only by `deploy --test-fixtures`: a
// domain-free Put/Get that lets the end-to-end tests prove the ledger round trip, key-level
// endorsement and the index's crash safety. Any department's peer may endorse it (its policy is OR of
// all four), which is why no production definition serves it: anyone could write any text with it.

import { SmokeContract } from '../smoke/smoke-contract';

export const contracts = [SmokeContract];
