// Entry of the `waste` definition (UrbanMSP's peer alone endorses its writes): sites, bags and their
// journey.

import { WasteProofContract } from '../proof/proof-contract';
import { WasteContract } from '../waste/waste-contract';

export const contracts = [WasteContract, WasteProofContract];
