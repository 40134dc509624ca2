// What the gateway adds to the waste contract's vocabulary: the contract and transaction names it calls
// and who endorses. The vocabulary itself (patterns, enums, limits) comes from chaincode/src/contract,
// so it can never drift from what the chaincode enforces.

import { ContractNames, Transactions } from '../../../chaincode/src/contract';

/** The waste contract's name and its transactions, as the chaincode declares them (common/transactions.ts). */
export const WASTE_CONTRACT = ContractNames.Waste;
export const WasteTransactions = Transactions.waste;

/**
 * Every waste record is endorsed by UrbanMSP's peer (the key-level policy the chaincode sets), and
 * the household reference of CommissionBags must reach only the urbanPrivate collection's member.
 */
export const WASTE_ENDORSING_ORGS = ['UrbanMSP'] as const;
