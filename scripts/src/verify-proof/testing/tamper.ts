import { createHash, sign, type KeyObject } from 'node:crypto';

import { common, peer } from '@hyperledger/fabric-protos';

import { type ProofBundle } from '../../../../chaincode/src/contract';

// Test-only: forgeries of a valid bundle. Each keeps everything a forger can recompute consistent
// (the block data hash, and the envelope signature when the forger is a legitimate client), so each
// test exercises the one check meant to catch its change.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A deep copy, through JSON like a bundle that travelled as a file. */
export function copy(bundle: ProofBundle): Mutable<ProofBundle> {
  return JSON.parse(JSON.stringify(bundle)) as Mutable<ProofBundle>;
}

/** Replaces the header with `mutate`'s version of it. */
export function withHeader(bundle: ProofBundle, mutate: (header: common.BlockHeader) => void): ProofBundle {
  const header = common.BlockHeader.deserializeBinary(Buffer.from(bundle.block.header, 'base64'));
  mutate(header);
  return {
    ...copy(bundle),
    block: { ...bundle.block, header: Buffer.from(header.serializeBinary()).toString('base64') },
  };
}

/**
 * Changes the first endorsement of the bundle's transaction, re-signs the envelope with the creator's
 * key and fixes the block's data hash: only the endorsement check stands between this and acceptance.
 */
export function withEndorsement(
  bundle: ProofBundle,
  creatorKey: KeyObject,
  mutate: (endorsement: peer.Endorsement) => void,
): ProofBundle {
  return withActionPayload(bundle, creatorKey, (actionPayload) => {
    const endorsed = actionPayload.getAction();
    const [endorsement] = endorsed?.getEndorsementsList() ?? [];
    if (endorsed === undefined || endorsement === undefined)
      throw new Error('the transaction has no endorsement');
    mutate(endorsement);
    actionPayload.setAction(endorsed);
  });
}

/** Like withEndorsement, for any change to the transaction's ChaincodeActionPayload. */
export function withActionPayload(
  bundle: ProofBundle,
  creatorKey: KeyObject,
  mutate: (actionPayload: peer.ChaincodeActionPayload) => void,
): ProofBundle {
  const { txIndex } = bundle.transaction;
  const envelope = common.Envelope.deserializeBinary(Buffer.from(bundle.block.data[txIndex] ?? '', 'base64'));
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const transaction = peer.Transaction.deserializeBinary(payload.getData_asU8());
  const [action] = transaction.getActionsList();
  if (action === undefined) throw new Error('the transaction has no action');
  const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
  mutate(actionPayload);
  action.setPayload(actionPayload.serializeBinary());
  payload.setData(transaction.serializeBinary());
  const payloadBytes = payload.serializeBinary();
  envelope.setPayload(payloadBytes);
  envelope.setSignature(sign('sha256', payloadBytes, creatorKey));
  const data = [...bundle.block.data];
  data[txIndex] = Buffer.from(envelope.serializeBinary()).toString('base64');
  return withData(bundle, data);
}

/** The ChaincodeActionPayload of a bundle's transaction, to splice into another. */
export function actionPayloadOf(bundle: ProofBundle): peer.ChaincodeActionPayload {
  const envelope = common.Envelope.deserializeBinary(
    Buffer.from(bundle.block.data[bundle.transaction.txIndex] ?? '', 'base64'),
  );
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const [action] = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList();
  if (action === undefined) throw new Error('the transaction has no action');
  return peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
}

/** Replaces the block's envelopes and recomputes the header's data hash to match them. */
export function withData(bundle: ProofBundle, data: readonly string[]): ProofBundle {
  const rehashed = withHeader(bundle, (header) =>
    header.setDataHash(
      createHash('sha256')
        .update(Buffer.concat(data.map((entry) => Buffer.from(entry, 'base64'))))
        .digest(),
    ),
  );
  return { ...rehashed, block: { ...rehashed.block, data } };
}

/** Flips one bit of the byte at `index` (negative: from the end). */
export function flipByte(bytes: Uint8Array, index: number): Buffer {
  const copied = Buffer.from(bytes);
  const position = index < 0 ? copied.length + index : index;
  copied[position] = (copied[position] ?? 0) ^ 0x01;
  return copied;
}

/** The PEM certificate with `from` replaced by `to` (same length) inside its DER bytes. */
export function alterCertificate(pem: string, from: string, to: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const at = der.indexOf(from);
  if (at < 0 || from.length !== to.length) throw new Error(`cannot alter ${from} in the certificate`);
  der.write(to, at, 'latin1');
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
