// The chaincode's entry point (package.json "main" → dist/index.js). fabric-chaincode-node reads
// `contracts`; the first one listed is the default contract for unqualified function names.

import { SmokeContract } from './smoke/smoke-contract';

export const contracts = [
  SmokeContract,
  // real estate contract
  // business contract
  // waste contract
];
