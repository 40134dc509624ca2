import { common, ledger, peer } from '@hyperledger/fabric-protos';

import { decodeOrThrow, present } from './decode';
import { ProofBundleError } from './proof-bundle-error';

/**
 * The value an endorser transaction wrote to `key` in the chaincode's namespace, parsed as JSON.
 *
 *   Envelope.payload → Payload.data → Transaction.actions[]
 *     action.payload → ChaincodeActionPayload.action.proposal_response_payload
 *       → ProposalResponsePayload.extension → ChaincodeAction.results
 *         → TxReadWriteSet.ns_rwset[namespace] → KVRWSet.writes[key]
 *
 * Fabric commits one action per transaction, but every action is searched so a future multi-action
 * transaction is not silently misread. A delete is not a record, so it counts as absent.
 */
export function recordWrittenBy(envelope: common.Envelope, namespace: string, key: string): unknown {
  for (const writes of writeSets(envelope, namespace)) {
    const write = writes.find((candidate) => candidate.getKey() === key);
    if (write !== undefined && !write.getIsDelete()) return parseJson(write.getValue_asU8(), key);
  }
  throw new ProofBundleError(
    'RECORD_NOT_WRITTEN',
    `the transaction does not write ${JSON.stringify(key)} in namespace ${namespace}`,
  );
}

function writeSets(envelope: common.Envelope, namespace: string): ledger.rwset.kvrwset.KVWrite[][] {
  return decodeOrThrow('MALFORMED_BLOCK', "the transaction's write set", () => {
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const transaction = peer.Transaction.deserializeBinary(payload.getData_asU8());
    return transaction.getActionsList().flatMap((action) => {
      const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
      const endorsed = present('MALFORMED_BLOCK', actionPayload.getAction(), 'the endorsed action');
      const response = peer.ProposalResponsePayload.deserializeBinary(
        endorsed.getProposalResponsePayload_asU8(),
      );
      const chaincodeAction = peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8());
      const readWriteSet = ledger.rwset.TxReadWriteSet.deserializeBinary(chaincodeAction.getResults_asU8());
      return readWriteSet
        .getNsRwsetList()
        .filter((set) => set.getNamespace() === namespace)
        .map((set) => ledger.rwset.kvrwset.KVRWSet.deserializeBinary(set.getRwset_asU8()).getWritesList());
    });
  });
}

function parseJson(value: Uint8Array, key: string): unknown {
  try {
    return JSON.parse(Buffer.from(value).toString('utf8')) as unknown;
  } catch (cause) {
    throw new ProofBundleError('RECORD_NOT_JSON', `the value written to ${JSON.stringify(key)} is not JSON`, {
      cause,
    });
  }
}
