// The chaincode's entry point (package.json "main" → dist/index.js): the contracts `npm start`
// deploys. fabric-chaincode-node reads `contracts`; the first one listed is the default contract for
// unqualified function names. The domain contracts come first, then ProofContract, which only reads
// the ledger's history of their records. The smoke fixture is not here: see test-fixtures.ts.

import { BusinessContract } from './business/business-contract';
import { ProofContract } from './proof/proof-contract';
import { RealEstateContract } from './realestate/realestate-contract';
import { WasteContract } from './waste/waste-contract';

export const contracts = [RealEstateContract, BusinessContract, WasteContract, ProofContract];
