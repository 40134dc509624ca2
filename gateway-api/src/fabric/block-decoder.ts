import { common, msp, peer } from '@hyperledger/fabric-protos';

import { type BlockEvent, type LedgerBlock, type TransactionOrigin } from '../ledger/ledger-events.port';
import { BlockDecodeError } from './block-decode.error';
import { CreatorRoles } from './creator-roles';
import { endorserMspIds, writtenKeysByNamespace } from './endorsed-action-facts';

/**
 * Decodes a block from fabric-gateway's getBlockEvents into the chaincode events of the chaincodes
 * named in `chaincodeNames` that it committed, with the origin of each event's transaction. Pure apart from `roles`' memo.
 *
 *   Block { header.number, data[i]: Envelope, metadata[TRANSACTIONS_FILTER][i]: validation code }
 *   Envelope.payload → Payload { header { channelHeader, signatureHeader }, data }
 *     channelHeader → ChannelHeader { type, txId }   signatureHeader → SignatureHeader { creator }
 *     data (ENDORSER_TRANSACTION) → Transaction { actions[] }
 *       action.payload → ChaincodeActionPayload { action: ChaincodeEndorsedAction }
 *         { endorsements[].endorser, proposalResponsePayload → ProposalResponsePayload }
 *           extension → ChaincodeAction { events → ChaincodeEvent, results → TxReadWriteSet }
 *
 * The rules are Fabric's own for chaincode events (its gateway's ChaincodeEvents service): only
 * transactions flagged VALID (a block without the flags has none), only endorser transactions, an
 * event only with a chaincode id, a name and a transaction id, and only the named chaincodes'. An
 * event's chaincode id is the definition the transaction invoked (a chaincode called by it emits none).
 * Everything else about a transaction is decoded only when it has such an event.
 */
export function decodeBlock(
  block: common.Block,
  chaincodeNames: ReadonlySet<string>,
  roles: CreatorRoles = new CreatorRoles(),
): LedgerBlock {
  const header = required(block.getHeader(), 'the block has no header');
  const blockNumber = BigInt(header.getNumber());
  const validation = block.getMetadata()?.getMetadataList_asU8()[
    common.BlockMetadataIndex.TRANSACTIONS_FILTER
  ];
  const events: BlockEvent[] = [];
  (block.getData()?.getDataList_asU8() ?? []).forEach((envelope, index) => {
    if (validation?.[index] !== peer.TxValidationCode.VALID) return;
    try {
      for (const event of transactionEvents(envelope, blockNumber, chaincodeNames, roles)) events.push(event);
    } catch (error) {
      // google-protobuf throws plain errors on bytes it cannot read; say where they were
      const reason = error instanceof Error ? error.message : String(error);
      throw new BlockDecodeError(`block ${blockNumber} transaction ${index}: ${reason}`, { cause: error });
    }
  });
  return { blockNumber, events };
}

interface Action {
  readonly endorsements: readonly peer.Endorsement[];
  readonly chaincodeAction: peer.ChaincodeAction;
}

function transactionEvents(
  envelope: Uint8Array,
  blockNumber: bigint,
  chaincodeNames: ReadonlySet<string>,
  roles: CreatorRoles,
): BlockEvent[] {
  const payload = common.Payload.deserializeBinary(
    common.Envelope.deserializeBinary(envelope).getPayload_asU8(),
  );
  const header = required(payload.getHeader(), 'a transaction has no payload header');
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  // configuration updates (and any other kind) carry no chaincode events
  if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return [];
  const actions = actionsOf(payload.getData_asU8());
  const emitted = actions.flatMap((action) => chaincodeEventOf(action.chaincodeAction, chaincodeNames));
  if (emitted.length === 0) return [];
  const transactionId = channelHeader.getTxId();
  const origin = originOf(header.getSignatureHeader_asU8(), actions, roles);
  return emitted.map((event) => ({
    blockNumber,
    transactionId,
    chaincodeName: event.getChaincodeId(),
    eventName: event.getEventName(),
    payload: event.getPayload_asU8(),
    origin,
  }));
}

function actionsOf(transaction: Uint8Array): Action[] {
  return peer.Transaction.deserializeBinary(transaction)
    .getActionsList()
    .map((action) => {
      const endorsed = required(
        peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction(),
        'a transaction action has no endorsed action',
      );
      const response = peer.ProposalResponsePayload.deserializeBinary(
        endorsed.getProposalResponsePayload_asU8(),
      );
      return {
        endorsements: endorsed.getEndorsementsList(),
        chaincodeAction: peer.ChaincodeAction.deserializeBinary(response.getExtension_asU8()),
      };
    });
}

function chaincodeEventOf(
  action: peer.ChaincodeAction,
  chaincodeNames: ReadonlySet<string>,
): peer.ChaincodeEvent[] {
  const bytes = action.getEvents_asU8();
  if (bytes.length === 0) return [];
  const event = peer.ChaincodeEvent.deserializeBinary(bytes);
  const complete = event.getEventName() !== '' && event.getTxId() !== '';
  return complete && chaincodeNames.has(event.getChaincodeId()) ? [event] : [];
}

function originOf(
  signatureHeader: Uint8Array,
  actions: readonly Action[],
  roles: CreatorRoles,
): TransactionOrigin {
  const creator = msp.SerializedIdentity.deserializeBinary(
    common.SignatureHeader.deserializeBinary(signatureHeader).getCreator_asU8(),
  );
  const creatorMspId = creator.getMspid();
  if (creatorMspId === '') throw new BlockDecodeError('a transaction names no creator MSP');
  const creatorRole = roles.roleOf(creator.getIdBytes_asU8());
  return {
    creatorMspId,
    ...(creatorRole !== undefined && { creatorRole }),
    endorserMspIds: endorserMspIds(actions.flatMap(({ endorsements }) => endorsements)),
    writes: writtenKeysByNamespace(actions.map(({ chaincodeAction }) => chaincodeAction)),
  };
}

function required<T>(value: T | undefined, problem: string): T {
  if (value === undefined) throw new BlockDecodeError(problem);
  return value;
}
