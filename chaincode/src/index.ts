// The chaincode's entry point (package.json "main" → dist/index.js). fabric-chaincode-node reads
// `contracts`; the first one listed is the default contract for unqualified function names.

import { SmokeContract } from './smoke/smoke-contract';
import { BusinessContract } from './business/business-contract';
import { RealEstateContract } from './realestate/realestate-contract';
import { WasteContract } from './waste/waste-contract';

export const contracts = [SmokeContract, RealEstateContract, BusinessContract, WasteContract];
