// Entry of the `business` definition (MarketMSP's peer alone endorses its writes): business opening
// cases, their steps but TAX, and licences.

import { BusinessContract } from '../business/business-contract';
import { BusinessProofContract } from '../proof/proof-contract';

export const contracts = [BusinessContract, BusinessProofContract];
