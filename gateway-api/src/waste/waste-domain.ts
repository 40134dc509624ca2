// The waste contract's vocabulary, imported from the chaincode itself (pure TypeScript, no Fabric) so
// the gateway's patterns, enums and limits can never drift from what the chaincode enforces.

import { ContractNames, Transactions } from '../../../chaincode/src/contract';
export {
  BAG_CATEGORY_NAMES,
  type BagCategoryCode,
  CategoryCodes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  isIsoDateTime,
  MAX_BAG_SERIAL,
  MAX_BAG_WEIGHT_GRAMS,
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  type Outcome,
  Outcomes,
  parseBagBarcode,
  ScanQualities,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  SITE_NAME_PATTERN,
  SITE_NAME_RULE,
  SiteKinds,
  VEHICLE_ID_PATTERN,
  VEHICLE_ID_RULE,
} from '../../../chaincode/src/contract';

/** The waste contract's name and its transactions, as the chaincode declares them (common/transactions.ts). */
export const WASTE_CONTRACT = ContractNames.Waste;
export const WasteTransactions = Transactions.waste;

/**
 * Every waste record is endorsed by UrbanMSP's peer (the key-level policy the chaincode sets), and
 * the household reference of CommissionBags must reach only the urbanPrivate collection's member.
 */
export const WASTE_ENDORSING_ORGS = ['UrbanMSP'] as const;
