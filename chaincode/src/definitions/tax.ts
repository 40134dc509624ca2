// Entry of the `tax` definition (TaxMSP's peer alone endorses its writes): deed-tax clearances and
// their audit (deedtax, the default contract), a business case's TAX step (businesstax), and proof.

import { BusinessTaxContract } from '../tax/business-tax-contract';
import { DeedTaxContract } from '../tax/deedtax-contract';
import { TaxProofContract } from '../proof/proof-contract';

export const contracts = [DeedTaxContract, BusinessTaxContract, TaxProofContract];
