// The chaincode's entry point (package.json "main" → dist/index.js): the contracts `npm start`
// deploys. fabric-chaincode-node reads `contracts`; the first one listed is the default contract for
// unqualified function names. The smoke fixture is not here: see test-fixtures.ts.

import { BusinessContract } from './business/business-contract';
import { RealEstateContract } from './realestate/realestate-contract';
import { WasteContract } from './waste/waste-contract';

export const contracts = [RealEstateContract, BusinessContract, WasteContract];
