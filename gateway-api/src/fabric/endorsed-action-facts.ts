import { ledger, msp, type peer } from '@hyperledger/fabric-protos';

import { writtenKeys } from './write-set-keys';

/**
 * What the block decoder (the index) and the transaction decoder (verification) both read from a
 * transaction's endorsed actions, in one place so the index and a citizen's answer judge the same
 * facts the same way.
 */

/** The MSP ids of the endorsers, each once, sorted. */
export function endorserMspIds(endorsements: Iterable<peer.Endorsement>): string[] {
  const msps = new Set<string>();
  for (const endorsement of endorsements) {
    const mspId = msp.SerializedIdentity.deserializeBinary(endorsement.getEndorser_asU8()).getMspid();
    if (mspId !== '') msps.add(mspId);
  }
  return [...msps].sort();
}

/**
 * Public keys written (or deleted) per namespace. Private data shows in a block only as hashes of a
 * collection's writes, not read here. Fabric commits one action per transaction, but all are read.
 */
export function writtenKeysByNamespace(actions: Iterable<peer.ChaincodeAction>): Map<string, string[]> {
  const writes = new Map<string, string[]>();
  for (const action of actions) {
    const results = action.getResults_asU8();
    if (results.length === 0) continue;
    for (const namespace of ledger.rwset.TxReadWriteSet.deserializeBinary(results).getNsRwsetList()) {
      const keys = writtenKeys(namespace.getRwset_asU8());
      if (keys.length === 0) continue;
      const known = writes.get(namespace.getNamespace());
      if (known === undefined) writes.set(namespace.getNamespace(), keys);
      else for (const key of keys) known.push(key); // not push(...keys): thousands of arguments
    }
  }
  return writes;
}
