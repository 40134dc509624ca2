// The six steps of a business opening case and who completes each. LICENSE comes first (it creates the
// enterprise); the others follow in any order. TAX is the tax bureau's own act, recorded in its own
// definition (tax, businesstax:CompleteTaxStep); for the other steps a market clerk records the
// responsible department's completion reference in the business definition (business:CompleteStep).

import { type OrgMsp, OrgMsps, type Role, Roles } from '../common/access';
import { ContractNames } from '../common/definitions';

export const BusinessSteps = [
  'LICENSE',
  'SEAL',
  'TAX',
  'SOCIAL_SECURITY',
  'HOUSING_FUND',
  'BANK_ACCOUNT',
] as const;

export type BusinessStep = (typeof BusinessSteps)[number];

export const StepRoles: Readonly<Record<BusinessStep, Role>> = {
  LICENSE: Roles.MarketClerk,
  SEAL: Roles.MarketClerk,
  TAX: Roles.TaxOfficer,
  SOCIAL_SECURITY: Roles.MarketClerk,
  HOUSING_FUND: Roles.MarketClerk,
  BANK_ACCOUNT: Roles.MarketClerk,
};

/**
 * The organisation whose peer endorses the step's transaction: the owner of the definition that
 * records it (its chaincode-level policy is that peer alone).
 */
export const StepEndorsers: Readonly<Record<BusinessStep, [OrgMsp, ...OrgMsp[]]>> = {
  LICENSE: [OrgMsps.Market],
  SEAL: [OrgMsps.Market],
  TAX: [OrgMsps.Tax],
  SOCIAL_SECURITY: [OrgMsps.Market],
  HOUSING_FUND: [OrgMsps.Market],
  BANK_ACCOUNT: [OrgMsps.Market],
};

/** The contract that records each step: `business` (CompleteStep), TAX `businesstax` (CompleteTaxStep). */
export const StepContracts: Readonly<
  Record<BusinessStep, typeof ContractNames.Business | typeof ContractNames.BusinessTax>
> = {
  LICENSE: ContractNames.Business,
  SEAL: ContractNames.Business,
  TAX: ContractNames.BusinessTax,
  SOCIAL_SECURITY: ContractNames.Business,
  HOUSING_FUND: ContractNames.Business,
  BANK_ACCOUNT: ContractNames.Business,
};

export function isBusinessStep(value: unknown): value is BusinessStep {
  return typeof value === 'string' && (BusinessSteps as readonly string[]).includes(value);
}
