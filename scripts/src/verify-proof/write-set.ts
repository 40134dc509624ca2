import { isDeepStrictEqual } from 'node:util';

import { ledger, peer } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../chaincode/src/contract';
import { homeDefinition } from './record-rules';
import { decoded, fail } from './verification-failure';

/**
 * The endorsed write set writes the bundle's record: within the signed proposal response payload,
 *
 *   ProposalResponsePayload.extension → ChaincodeAction { chaincode_id, results }
 *     → TxReadWriteSet.ns_rwset[namespace = chaincode] → KVRWSet.writes[key = record.key]
 *
 * the action is of the definition that holds the record type (RecordTypeHome, which the bundle's
 * `chaincode` was checked to name), the write is not a delete and its value parses to exactly the
 * bundle's record value. Because the endorsers signed these bytes, the record value in the bundle is
 * what they vouched for.
 */
export function checkRecordWrite(responsePayload: Uint8Array, bundle: ProofBundle): void {
  const { key, value } = bundle.record;
  const home = homeDefinition(bundle.record.kind);
  const writes = decoded('write-set', 'the endorsed write set', () => {
    const response = peer.ProposalResponsePayload.deserializeBinary(responsePayload);
    const action = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
    const chaincodeName = action.getChaincodeId()?.getName();
    if (!chaincodeName) fail('write-set', 'the endorsed action names no chaincode');
    if (chaincodeName !== home) {
      fail('write-set', `the endorsed action is of chaincode ${chaincodeName}, not ${home}`);
    }
    return ledger.rwset.TxReadWriteSet.deserializeBinary(action.getResults_asU8())
      .getNsRwsetList()
      .filter((set) => set.getNamespace() === home)
      .flatMap((set) => ledger.rwset.kvrwset.KVRWSet.deserializeBinary(set.getRwset_asU8()).getWritesList());
  });
  const write = writes.find((candidate) => candidate.getKey() === key);
  if (write === undefined) {
    fail('write-set', `the endorsed write set of ${home} does not write the record key`);
  }
  if (write.getIsDelete()) fail('write-set', 'the endorsed write set deletes the record key');
  if (!isDeepStrictEqual(parseJson(write.getValue_asU8()), value)) {
    fail('write-set', 'the record value in the bundle differs from the value the endorsers wrote');
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return fail('write-set', 'the endorsed value of the record key is not JSON');
  }
}
