import { type KeyObject, sign } from 'node:crypto';

// ECDSA P-256 / SHA-256 signatures as Fabric accepts them. An ECDSA signature (r, s) is equally valid
// with s replaced by n - s; Fabric's MSP refuses the upper one ("Invalid S. Must be smaller than half
// the order") so that a signed message has one signature only. node:crypto signs with either, so
// the S is brought into the lower half here, then the pair is DER-encoded as Fabric expects.

/** The order n of the P-256 group. */
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const HALF_ORDER = P256_ORDER >> 1n;
const COORDINATE_BYTES = 32;

/** The DER ECDSA-Sig-Value { r, s } over SHA-256 of `message`, its s at most n/2. */
export function signLowS(privateKey: KeyObject, message: Uint8Array): Uint8Array {
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  if (privateKey.asymmetricKeyType !== 'ec' || curve !== 'prime256v1') {
    throw new Error(`expected a P-256 EC private key, got ${privateKey.asymmetricKeyType} ${curve}`);
  }
  const raw = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const r = unsigned(raw.subarray(0, COORDINATE_BYTES));
  const s = unsigned(raw.subarray(COORDINATE_BYTES));
  return derSequence([derInteger(r), derInteger(s > HALF_ORDER ? P256_ORDER - s : s)]);
}

const unsigned = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString('hex')}`);

/** A DER INTEGER: big-endian, minimal, with a 0x00 in front when the top bit would read as a sign. */
function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return Buffer.concat([Buffer.of(0x02, bytes.length), bytes]);
}

/** A DER SEQUENCE of short parts (a P-256 signature is at most 72 bytes: short-form length). */
function derSequence(parts: readonly Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}
