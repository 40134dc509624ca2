import { BlockDecodeError } from './block-decode.error';

// Just enough of the protobuf wire format to pick fields out of a message without building an
// object for every element of it. @hyperledger/fabric-protos (google-protobuf) is used everywhere
// else; this exists for write sets, where a 1000-scan transaction carries thousands of reads and
// writes and google-protobuf's per-element objects cost about thirty times as much.

const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

/**
 * Calls `visit` with the content of every occurrence of the length-delimited field `field` (a
 * string, bytes or embedded message) of the message in `bytes`, in order. Other fields are skipped.
 */
export function forEachLengthDelimited(
  bytes: Uint8Array,
  field: number,
  visit: (content: Uint8Array) => void,
): void {
  const cursor = { offset: 0 };
  while (cursor.offset < bytes.length) {
    const tag = readVarint(bytes, cursor);
    const wireType = tag % 8;
    if (wireType === WIRE.lengthDelimited) {
      const length = readVarint(bytes, cursor);
      const start = cursor.offset;
      cursor.offset += length;
      if (cursor.offset > bytes.length) throw new BlockDecodeError('a protobuf field runs past its message');
      if (Math.floor(tag / 8) === field) visit(bytes.subarray(start, cursor.offset));
    } else {
      skip(bytes, cursor, wireType);
    }
  }
}

function skip(bytes: Uint8Array, cursor: { offset: number }, wireType: number): void {
  if (wireType === WIRE.varint) readVarint(bytes, cursor);
  else if (wireType === WIRE.fixed64) cursor.offset += 8;
  else if (wireType === WIRE.fixed32) cursor.offset += 4;
  // groups (3, 4) are proto2-only and absent from Fabric's messages
  else throw new BlockDecodeError(`unexpected protobuf wire type ${wireType}`);
  if (cursor.offset > bytes.length) throw new BlockDecodeError('a protobuf field runs past its message');
}

/** An unsigned varint; lengths and tags fit in 2^53, so plain numbers are exact. */
function readVarint(bytes: Uint8Array, cursor: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[cursor.offset];
    if (byte === undefined) throw new BlockDecodeError('a protobuf varint is truncated');
    cursor.offset += 1;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 63) throw new BlockDecodeError('a protobuf varint is longer than ten bytes');
  }
}
