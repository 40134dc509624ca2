// Which chaincode definition a call goes to, and whose peers endorse it when the service does not say.
// Both follow chaincode/src/common/definitions.ts, the table chaincode, deploy scripts and gateway share.

import { type ChaincodeName, ContractHome, type OrgMsp, ownerOf } from '../../../chaincode/src/contract';
import { type LedgerCall } from '../ledger/ledger-client.port';

/**
 * The definition serving `call.contract`. `proof` is served by every production definition for its
 * own namespace, so a proof call must name one; any other contract has exactly one home, and a call
 * naming a different one is a programming error (it would reach a chaincode without the contract).
 */
export function definitionOf(call: Pick<LedgerCall, 'contract' | 'chaincode'>): ChaincodeName {
  if (call.contract === 'proof') {
    if (call.chaincode === undefined) throw new Error('a proof call must name its chaincode definition');
    return call.chaincode;
  }
  const home = ContractHome[call.contract];
  if (call.chaincode !== undefined && call.chaincode !== home) {
    throw new Error(`contract ${call.contract} is served by ${home}, not ${call.chaincode}`);
  }
  return home;
}

/**
 * The owner's peer alone for a production definition: its policy needs nothing more. Left to itself,
 * Fabric's gateway would plan the endorsement from the chaincode interest, which includes every
 * definition the transaction reads through a cross-chaincode call (a registration reading the deed-tax
 * clearance), and so ask another department's peer for an endorsement the commit does not need.
 * Undefined for the smoke fixture, which any department may endorse.
 */
export function defaultEndorsers(call: Pick<LedgerCall, 'contract' | 'chaincode'>): OrgMsp[] | undefined {
  const owner = ownerOf(definitionOf(call));
  return owner === undefined ? undefined : [owner];
}
