// Entry of the `realestate` definition (RegistryMSP's peer alone endorses its writes): what
// fabric-chaincode-node loads from module-paths/realestate. The first contract is the default for
// unqualified function names.

import { RealEstateProofContract } from '../proof/proof-contract';
import { RealEstateContract } from '../realestate/realestate-contract';

export const contracts = [RealEstateContract, RealEstateProofContract];
