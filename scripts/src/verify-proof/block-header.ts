import { createHash } from 'node:crypto';

import { common } from '@hyperledger/fabric-protos';

import { type CheckName, decoded, fail } from './verification-failure';

/**
 * The bytes Fabric signs and hashes for a block header (protoutil.BlockHeaderBytes): the ASN.1 DER of
 *
 *   SEQUENCE { number INTEGER, previousHash OCTET STRING, dataHash OCTET STRING }
 *
 * Orderers sign these bytes (after the metadata value and their signature header); their SHA-256 is
 * the block's hash, which the next block's previous_hash repeats and which the city publishes for the
 * genesis block as the channel's fingerprint. Three fields do not justify an ASN.1 dependency.
 */
export function blockHeaderBytes(header: common.BlockHeader): Buffer {
  return derTlv(
    0x30,
    Buffer.concat([
      derTlv(0x02, derUnsignedInteger(BigInt(header.getNumber()))),
      derTlv(0x04, Buffer.from(header.getPreviousHash_asU8())),
      derTlv(0x04, Buffer.from(header.getDataHash_asU8())),
    ]),
  );
}

/** Fabric's block hash: SHA-256 of blockHeaderBytes, lower-case hex. */
export function blockHash(header: common.BlockHeader): string {
  return createHash('sha256').update(blockHeaderBytes(header)).digest('hex');
}

/**
 * The channel fingerprint of a serialised block (a file `peer channel fetch 0` or configtxgen wrote):
 * its hash when it is the genesis block (block 0), undefined for any other block. Throws on bytes
 * that are not a block.
 */
export function genesisFingerprint(blockBytes: Uint8Array): string | undefined {
  const header = common.Block.deserializeBinary(blockBytes).getHeader();
  return header === undefined || header.getNumber() !== 0 ? undefined : blockHash(header);
}

/** Decodes a base64 common.BlockHeader from the bundle. */
export function decodeHeader(base64: string, check: CheckName, what: string): common.BlockHeader {
  return decoded(check, what, () => common.BlockHeader.deserializeBinary(Buffer.from(base64, 'base64')));
}

/** Tag, shortest-form length, content. */
function derTlv(tag: number, content: Buffer): Buffer {
  if (content.length < 0x80) return Buffer.concat([Buffer.of(tag, content.length), content]);
  const length: number[] = [];
  for (let rest = content.length; rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256);
  return Buffer.concat([Buffer.of(tag, 0x80 | length.length, ...length), content]);
}

/** A non-negative INTEGER's content: big-endian, minimal, with a 0 byte when the top bit is set. */
function derUnsignedInteger(value: bigint): Buffer {
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  return (bytes[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes;
}

/**
 * Fabric's block data hash is SHA-256 over the concatenated envelope bytes
 * (protoutil.ComputeBlockDataHash): any change to an envelope, or to their order, changes it.
 */
export function checkDataHash(
  header: common.BlockHeader,
  envelopes: readonly Buffer[],
  check: CheckName,
  what: string,
): void {
  const dataHash = createHash('sha256').update(Buffer.concat(envelopes)).digest();
  if (!dataHash.equals(header.getDataHash_asU8())) {
    fail(check, `the envelopes of ${what} do not hash to its header's data hash (an envelope was changed)`);
  }
}
