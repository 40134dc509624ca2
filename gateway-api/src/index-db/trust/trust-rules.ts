import {
  BusinessSteps,
  type ChaincodeName,
  ChaincodeNames,
  ContractHome,
  type EventName,
  EventNames,
  type OrgMsp,
  OrgMsps,
  type Role,
  Roles,
  StepContracts,
  StepEndorsers,
  StepRoles,
} from '../../../../chaincode/src/contract';

/** Any member organisation's identity, with or without a role: the smoke fixture's rule. */
export const ANY_MEMBER = 'any-member';

/**
 * Who must have signed a transaction for the index to project its event: the department responsible
 * for the record, as the chaincode's access table (chaincode/src/common/access.ts) and endorsement
 * rules (chaincode/README.md, "Endorsement") have it.
 */
export interface TrustRule {
  /**
   * The chaincode definition that must have emitted the event: the one holding its records, whose
   * policy only the responsible department's peer satisfies (chaincode/src/common/definitions.ts).
   */
  readonly namespace: ChaincodeName;
  /** Departments whose peers must all be among the endorsers (further endorsers do not matter). */
  readonly endorsers: readonly OrgMsp[];
  /** Roles that may submit it; a role counts only in a certificate of the MSP that grants it (RoleMsp). */
  readonly submitters: readonly Role[] | typeof ANY_MEMBER;
}

/** An event whose authority depends on its payload: one rule per variant its projector names. */
export interface TrustRulesBySubject {
  readonly bySubject: Readonly<Record<string, TrustRule>>;
}

function department(namespace: ChaincodeName, msp: OrgMsp, ...roles: [Role, ...Role[]]): TrustRule {
  return { namespace, endorsers: [msp], submitters: roles };
}

/**
 * A step is written by its role (StepRoles), in the definition of the contract that records it
 * (StepContracts: the TAX step by businesstax in `tax`, the others by business), endorsed by that
 * department (StepEndorsers).
 */
function stepRules(): Record<string, TrustRule> {
  return Object.fromEntries(
    BusinessSteps.map((step) => [
      step,
      {
        namespace: ContractHome[StepContracts[step]],
        endorsers: StepEndorsers[step],
        submitters: [StepRoles[step]],
      },
    ]),
  );
}

const { RealEstate: realestate, Tax: tax, Business: business, Waste: waste } = ChaincodeNames;

/**
 * The trust table: every event the chaincode emits (a missing one is a compile error) and who must
 * have signed its transaction. The smoke contract is a test fixture (deployed with --test-fixtures
 * only) that any member may call and no department owns, so it asks only for a member creator.
 */
export const TRUST_RULES: Readonly<Record<EventName, TrustRule | TrustRulesBySubject>> = {
  [EventNames.SmokeValueWritten]: { namespace: ChaincodeNames.Smoke, endorsers: [], submitters: ANY_MEMBER },
  [EventNames.RealEstateRegistered]: department(realestate, OrgMsps.Registry, Roles.RegistryClerk),
  [EventNames.DeedTaxClearanceRecorded]: department(tax, OrgMsps.Tax, Roles.TaxOfficer),
  [EventNames.BusinessCaseOpened]: department(business, OrgMsps.Market, Roles.MarketClerk),
  [EventNames.BusinessStepCompleted]: { bySubject: stepRules() },
  [EventNames.BusinessLicenseStatusChanged]: department(business, OrgMsps.Market, Roles.MarketClerk),
  [EventNames.WasteSiteRegistered]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteBagsCommissioned]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteScansRecorded]: department(waste, OrgMsps.Urban, Roles.StationOperator, Roles.SiteDevice),
  [EventNames.WasteCollectionRecorded]: department(waste, OrgMsps.Urban, Roles.Hauler, Roles.VehicleDevice),
  [EventNames.WasteDeliveryRecorded]: department(
    waste,
    OrgMsps.Urban,
    Roles.FacilityOperator,
    Roles.SiteDevice,
  ),
  [EventNames.WasteConfigUpdated]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteVehicleRegistered]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteVehicleRetired]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteBinRegistered]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteBinRetired]: department(waste, OrgMsps.Urban, Roles.UrbanInspector),
  [EventNames.WasteRouteRecorded]: department(waste, OrgMsps.Urban, Roles.Hauler, Roles.UrbanInspector),
  [EventNames.WasteLoadWeightCorrected]: department(waste, OrgMsps.Urban, Roles.Hauler, Roles.UrbanInspector),
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
