// The waste contract's vocabulary, imported from the chaincode itself (pure TypeScript, no Fabric) so
// the gateway's patterns, enums and limits can never drift from what the chaincode enforces.

export {
  CategoryCodes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  MAX_BAG_WEIGHT_GRAMS,
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  Outcomes,
  type Outcome,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  SITE_NAME_PATTERN,
  SITE_NAME_RULE,
  ScanQualities,
  SiteKinds,
  VEHICLE_ID_PATTERN,
  VEHICLE_ID_RULE,
} from '../../../chaincode/src/waste/domain';
export { isIsoDateTime } from '../../../chaincode/src/waste/input';
export {
  BAG_CATEGORY_NAMES,
  type BagCategoryCode,
  MAX_BAG_SERIAL,
  parseBagBarcode,
} from '../../../chaincode/src/common/identifiers';

/** The contract name within the govtrace chaincode. */
export const WASTE_CONTRACT = 'waste';

/** Transaction names of chaincode/src/waste/waste-contract.ts. */
export const WasteTransactions = {
  RegisterSite: 'RegisterSite',
  CommissionBags: 'CommissionBags',
  RecordScans: 'RecordScans',
  RecordCollection: 'RecordCollection',
  RecordDelivery: 'RecordDelivery',
  GetBag: 'GetBag',
  GetSite: 'GetSite',
} as const;

/** Event names; must equal EventNames.Waste* in chaincode/src/common/events.ts. */
export const WasteEvents = {
  SiteRegistered: 'WasteSiteRegistered',
  BagsCommissioned: 'WasteBagsCommissioned',
  ScansRecorded: 'WasteScansRecorded',
  CollectionRecorded: 'WasteCollectionRecorded',
  DeliveryRecorded: 'WasteDeliveryRecorded',
} as const;

/**
 * Every waste record is endorsed by UrbanMSP's peer (the key-level policy the chaincode sets), and
 * the household reference of CommissionBags must reach only the urbanPrivate collection's member.
 */
export const WASTE_ENDORSING_ORGS = ['UrbanMSP'] as const;
