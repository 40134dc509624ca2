// A test channel with every chaincode definition deployed as `deploy --test-fixtures` deploys them:
// each definition's entry (src/definitions/<name>.ts) with its collections from definitions.ts, so
// invokeChaincode between definitions runs the real contracts.
//
//   const ledger = channelLedger(ChaincodeNames.RealEstate);   // transactions run in realestate
//   const tax = ledger.newTransaction({ identity, chaincodeName: ChaincodeNames.Tax });

import { type ChaincodeName, definitionsFor } from '../common/definitions';
import { contracts as business } from '../definitions/business';
import { contracts as realestate } from '../definitions/realestate';
import { contracts as smoke } from '../definitions/smoke';
import { contracts as tax } from '../definitions/tax';
import { contracts as waste } from '../definitions/waste';
import { type DeployedChaincode, InMemoryLedger, type LedgerOptions } from './in-memory-ledger';
import { type ContractClass } from './shim-router';

/** Each definition's entry, as its module path loads it. */
export const DefinitionEntries: Readonly<Record<ChaincodeName, readonly ContractClass[]>> = {
  realestate,
  tax,
  business,
  waste,
  smoke,
};

/** A ledger with all five definitions deployed; transactions run in `chaincodeName` unless they name another. */
export function channelLedger(
  chaincodeName: ChaincodeName,
  options: Omit<LedgerOptions, 'chaincodeName' | 'chaincodes' | 'collections'> = {},
): InMemoryLedger {
  const chaincodes: Record<string, DeployedChaincode> = {};
  for (const definition of definitionsFor('test-fixtures')) {
    chaincodes[definition.name] = {
      contracts: DefinitionEntries[definition.name],
      collections: definition.collections,
    };
  }
  return new InMemoryLedger({ ...options, chaincodeName, chaincodes });
}
