import { BusinessSteps, StepEndorsers, StepRoles } from '../../../../chaincode/src/business/steps';
import { type OrgMsp, OrgMsps, type Role, Roles } from '../../../../chaincode/src/common/access';
import { type EventName, EventNames } from '../../../../chaincode/src/common/events';

/** Any member organisation's identity, with or without a role: the smoke fixture's rule. */
export const ANY_MEMBER = 'any-member';

/**
 * Who must have signed a transaction for the index to project its event: the department responsible
 * for the record, as the chaincode's access table (chaincode/src/common/access.ts) and endorsement
 * rules (chaincode/README.md, "Endorsement") have it.
 */
export interface TrustRule {
  /** Departments whose peers must all be among the endorsers (further endorsers do not matter). */
  readonly endorsers: readonly OrgMsp[];
  /** Roles that may submit it; a role counts only in a certificate of the MSP that grants it (RoleMsp). */
  readonly submitters: readonly Role[] | typeof ANY_MEMBER;
}

/** An event whose authority depends on its payload: one rule per variant its projector names. */
export interface TrustRulesBySubject {
  readonly bySubject: Readonly<Record<string, TrustRule>>;
}

function department(msp: OrgMsp, ...roles: [Role, ...Role[]]): TrustRule {
  return { endorsers: [msp], submitters: roles };
}

/**
 * A step is written by its role (StepRoles) and endorsed by every department of StepEndorsers: the
 * TAX step by the tax bureau, whose act it is, and by market regulation, whose case it belongs to
 * (the chaincode sets the case's key-level policy again with every step, so MarketMSP must endorse
 * it to commit, and the step key's own policy names both).
 */
function stepRules(): Record<string, TrustRule> {
  return Object.fromEntries(
    BusinessSteps.map((step) => [step, { endorsers: StepEndorsers[step], submitters: [StepRoles[step]] }]),
  );
}

/**
 * The trust table: every event the chaincode emits (a missing one is a compile error) and who must
 * have signed its transaction. The smoke contract is a test fixture (deployed with --test-fixtures
 * only) that any member may call and no department owns, so it asks only for a member creator.
 */
export const TRUST_RULES: Readonly<Record<EventName, TrustRule | TrustRulesBySubject>> = {
  [EventNames.SmokeValueWritten]: { endorsers: [], submitters: ANY_MEMBER },
  [EventNames.RealEstateRegistered]: department(OrgMsps.Registry, Roles.RegistryClerk),
  [EventNames.DeedTaxClearanceRecorded]: department(OrgMsps.Tax, Roles.TaxOfficer),
  [EventNames.BusinessCaseOpened]: department(OrgMsps.Market, Roles.MarketClerk),
  [EventNames.BusinessStepCompleted]: { bySubject: stepRules() },
  [EventNames.BusinessLicenseStatusChanged]: department(OrgMsps.Market, Roles.MarketClerk),
  [EventNames.WasteSiteRegistered]: department(OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteBagsCommissioned]: department(OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteScansRecorded]: department(OrgMsps.Urban, Roles.StationOperator),
  [EventNames.WasteCollectionRecorded]: department(OrgMsps.Urban, Roles.Hauler),
  [EventNames.WasteDeliveryRecorded]: department(OrgMsps.Urban, Roles.FacilityOperator),
  [EventNames.WasteConfigUpdated]: department(OrgMsps.Urban, Roles.UrbanInspector),
};

/** Whether the table covers `eventName` at all (checked for every projector at start-up). */
export function hasTrustRule(eventName: string): boolean {
  return Object.hasOwn(TRUST_RULES, eventName);
}

/** The rule for an event and, for an event with variants, the variant its payload names. */
export function trustRuleFor(eventName: string, subject?: string): TrustRule | undefined {
  if (!hasTrustRule(eventName)) return undefined;
  const entry = TRUST_RULES[eventName as EventName];
  if (!('bySubject' in entry)) return entry;
  return subject !== undefined && Object.hasOwn(entry.bySubject, subject)
    ? entry.bySubject[subject]
    : undefined;
}
