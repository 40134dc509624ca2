/**
 * Just enough DER (ITU-T X.690) to walk an X.509 certificate to one extension. Node's
 * X509Certificate parses certificates but exposes only the well-known extensions.
 */
export interface Tlv {
  readonly tag: number;
  /** The content octets (without tag and length). */
  readonly content: Uint8Array;
}

export class DerError extends Error {
  override readonly name = 'DerError';
}

/** The TLV elements that follow one another in `bytes` (e.g. the members of a SEQUENCE). */
export function children(bytes: Uint8Array): Tlv[] {
  const items: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const { tlv, end } = readTlv(bytes, offset);
    items.push(tlv);
    offset = end;
  }
  return items;
}

function readTlv(bytes: Uint8Array, offset: number): { tlv: Tlv; end: number } {
  const tag = byteAt(bytes, offset);
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used in certificates');
  let length = byteAt(bytes, offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // 0x80 is BER's indefinite length, not allowed in DER; four octets cover any certificate
    if (octets === 0 || octets > 4)
      throw new DerError(`unsupported length encoding 0x${length.toString(16)}`);
    length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + byteAt(bytes, start + i);
    start += octets;
  }
  const end = start + length;
  if (end > bytes.length) throw new DerError('element runs past the end of its container');
  return { tlv: { tag, content: bytes.subarray(start, end) }, end };
}

function byteAt(bytes: Uint8Array, index: number): number {
  const value = bytes[index];
  if (value === undefined) throw new DerError('truncated element');
  return value;
}

/** DER content octets of an OBJECT IDENTIFIER in dotted form, e.g. "1.2.3.4.5.6.7.8.1". */
export function oidContent(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const out = [40 * first + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let remaining = Math.floor(arc / 128); remaining > 0; remaining = Math.floor(remaining / 128)) {
      groups.unshift((remaining & 0x7f) | 0x80);
    }
    out.push(...groups);
  }
  return Uint8Array.from(out);
}
