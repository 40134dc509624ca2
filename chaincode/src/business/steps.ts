// The six steps of a business opening case and who completes each. LICENSE comes first (it creates the
// enterprise); the others follow in any order. TAX is the tax bureau's own act; for the other steps a
// market clerk records the responsible department's completion reference.

import { type OrgMsp, OrgMsps, type Role, Roles } from '../common/access';

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

/** Organisations whose peers must endorse later changes to the step's key (state-based endorsement). */
export const StepEndorsers: Readonly<Record<BusinessStep, [OrgMsp, ...OrgMsp[]]>> = {
  LICENSE: [OrgMsps.Market],
  SEAL: [OrgMsps.Market],
  TAX: [OrgMsps.Market, OrgMsps.Tax],
  SOCIAL_SECURITY: [OrgMsps.Market],
  HOUSING_FUND: [OrgMsps.Market],
  BANK_ACCOUNT: [OrgMsps.Market],
};

export function isBusinessStep(value: unknown): value is BusinessStep {
  return typeof value === 'string' && (BusinessSteps as readonly string[]).includes(value);
}
