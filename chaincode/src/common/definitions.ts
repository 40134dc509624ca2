// The chaincode definitions on the channel, one per department's authority, and which contracts,
// collections and record types each one holds. Fabric judges the creation of a key only by its
// namespace's chaincode-level policy, so a definition whose policy is its department's peer alone is
// what stops any other department (even one running modified chaincode on its own peer) from creating
// or changing a record in that domain.
//
// This file is the one place where the chaincode, the deploy scripts, the gateway (which chaincode a
// contract lives in, who must endorse, which namespace an event or a record must come from) and the
// verifiers agree on these names. It is pure data: no Fabric import, so every client may load it.

import { type OrgMsp, OrgMsps } from './access';
import { type Collection, Collections } from './collections';
import { type RecordType, RecordTypes } from './ledger';

/** Chaincode definition names: a definition's name is its namespace in the channel's state. */
export const ChaincodeNames = {
  RealEstate: 'realestate',
  Tax: 'tax',
  Business: 'business',
  Waste: 'waste',
  /** Test fixture only (`deploy --test-fixtures`): the smoke contract, any department may endorse. */
  Smoke: 'smoke',
} as const;

export type ChaincodeName = (typeof ChaincodeNames)[keyof typeof ChaincodeNames];

/** Contract names (the fabric-contract-api namespace of each contract class). */
export const ContractNames = {
  RealEstate: 'realestate',
  DeedTax: 'deedtax',
  BusinessTax: 'businesstax',
  Business: 'business',
  Waste: 'waste',
  /** Served by every production definition: each answers for the history of its own namespace. */
  Proof: 'proof',
  Smoke: 'smoke',
} as const;

export type ContractName = (typeof ContractNames)[keyof typeof ContractNames];

export interface ChaincodeDefinitionSpec {
  readonly name: ChaincodeName;
  /**
   * The departments one of whose peers must endorse every transaction that writes this namespace
   * (the chaincode-level policy is OR of their peers). One department for every production
   * definition; the smoke fixture lists all four.
   */
  readonly endorsers: readonly [OrgMsp, ...OrgMsp[]];
  /** The contracts this definition serves; the first is the default for unqualified names. */
  readonly contracts: readonly [ContractName, ...ContractName[]];
  readonly collections: readonly Collection[];
}

export const ProductionDefinitions: readonly ChaincodeDefinitionSpec[] = [
  {
    name: ChaincodeNames.RealEstate,
    endorsers: [OrgMsps.Registry],
    contracts: [ContractNames.RealEstate, ContractNames.Proof],
    collections: [Collections.RegistryPrivate],
  },
  {
    name: ChaincodeNames.Tax,
    endorsers: [OrgMsps.Tax],
    contracts: [ContractNames.DeedTax, ContractNames.BusinessTax, ContractNames.Proof],
    collections: [Collections.DeedTaxShared],
  },
  {
    name: ChaincodeNames.Business,
    endorsers: [OrgMsps.Market],
    contracts: [ContractNames.Business, ContractNames.Proof],
    collections: [Collections.MarketPrivate],
  },
  {
    name: ChaincodeNames.Waste,
    endorsers: [OrgMsps.Urban],
    contracts: [ContractNames.Waste, ContractNames.Proof],
    collections: [Collections.UrbanPrivate],
  },
];

export const SmokeDefinition: ChaincodeDefinitionSpec = {
  name: ChaincodeNames.Smoke,
  endorsers: [OrgMsps.Registry, OrgMsps.Market, OrgMsps.Tax, OrgMsps.Urban],
  contracts: [ContractNames.Smoke],
  collections: [],
};

/** The definitions a deployment holds: the production ones, plus the smoke fixture for tests. */
export function definitionsFor(entry: 'production' | 'test-fixtures'): readonly ChaincodeDefinitionSpec[] {
  return entry === 'production' ? ProductionDefinitions : [...ProductionDefinitions, SmokeDefinition];
}

export function definitionNamed(name: string): ChaincodeDefinitionSpec | undefined {
  return [...ProductionDefinitions, SmokeDefinition].find((definition) => definition.name === name);
}

/**
 * The definition that serves a domain contract. `proof` is served by every production definition,
 * so a proof call names its definition itself (see RecordTypeHome).
 */
export const ContractHome: Readonly<Record<Exclude<ContractName, 'proof'>, ChaincodeName>> = {
  realestate: ChaincodeNames.RealEstate,
  deedtax: ChaincodeNames.Tax,
  businesstax: ChaincodeNames.Tax,
  business: ChaincodeNames.Business,
  waste: ChaincodeNames.Waste,
  smoke: ChaincodeNames.Smoke,
};

/** The namespace that holds each record type, and so the department that alone may write it. */
export const RecordTypeHome: Readonly<Record<RecordType, ChaincodeName>> = {
  [RecordTypes.Smoke]: ChaincodeNames.Smoke,
  [RecordTypes.RealEstateUnit]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateRegistration]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateCertificate]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateHolders]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateHolderUnit]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateCertificateCode]: ChaincodeNames.RealEstate,
  [RecordTypes.RealEstateParticulars]: ChaincodeNames.RealEstate,
  [RecordTypes.DeedTaxClearance]: ChaincodeNames.Tax,
  [RecordTypes.DeedTaxTransferees]: ChaincodeNames.Tax,
  [RecordTypes.BusinessCase]: ChaincodeNames.Business,
  [RecordTypes.BusinessStep]: ChaincodeNames.Business,
  [RecordTypes.BusinessTaxStep]: ChaincodeNames.Tax,
  [RecordTypes.BusinessLicense]: ChaincodeNames.Business,
  [RecordTypes.BusinessNameClaim]: ChaincodeNames.Business,
  [RecordTypes.BusinessLegalRepresentative]: ChaincodeNames.Business,
  [RecordTypes.WasteSite]: ChaincodeNames.Waste,
  [RecordTypes.WasteBag]: ChaincodeNames.Waste,
  [RecordTypes.WasteBagEvent]: ChaincodeNames.Waste,
  [RecordTypes.WasteAnomaly]: ChaincodeNames.Waste,
  [RecordTypes.WasteLoad]: ChaincodeNames.Waste,
  [RecordTypes.WasteDelivery]: ChaincodeNames.Waste,
  [RecordTypes.WasteConfig]: ChaincodeNames.Waste,
  [RecordTypes.WasteHousehold]: ChaincodeNames.Waste,
  [RecordTypes.WasteVehicle]: ChaincodeNames.Waste,
  [RecordTypes.WasteBin]: ChaincodeNames.Waste,
  [RecordTypes.WasteRoute]: ChaincodeNames.Waste,
  [RecordTypes.WasteLoadCorrection]: ChaincodeNames.Waste,
};

/** The department whose peer alone endorses writes to a production definition. */
export function ownerOf(name: ChaincodeName): OrgMsp | undefined {
  const definition = ProductionDefinitions.find((candidate) => candidate.name === name);
  return definition?.endorsers[0];
}
