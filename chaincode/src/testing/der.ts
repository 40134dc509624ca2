// Just enough DER (ITU-T X.690) to build test certificates. Test-only: nothing in the chaincode
// depends on this file.

export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(tag), encodeLength(content.length), content]);
}

export function sequence(...items: Uint8Array[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

export function set(...items: Uint8Array[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

/** A context-specific, constructed, explicit tag such as [0] or [3]. */
export function explicit(tagNumber: number, content: Uint8Array): Buffer {
  return tlv(0xa0 + tagNumber, content);
}

/** A non-negative INTEGER from big-endian magnitude bytes. */
export function integer(magnitude: Uint8Array): Buffer {
  const firstNonZero = magnitude.findIndex((byte) => byte !== 0);
  const trimmed = firstNonZero === -1 ? Buffer.of(0) : Buffer.from(magnitude.subarray(firstNonZero));
  // A leading 1 bit would make the value negative in two's complement.
  const needsPad = (trimmed[0] ?? 0) >= 0x80;
  return tlv(0x02, needsPad ? Buffer.concat([Buffer.of(0), trimmed]) : trimmed);
}

export function smallInteger(value: number): Buffer {
  return integer(Buffer.of(value));
}

export function boolean(value: boolean): Buffer {
  return tlv(0x01, Buffer.of(value ? 0xff : 0x00));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => Number.parseInt(arc, 10));
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const base128: number[] = [arc & 0x7f];
    for (let remaining = Math.floor(arc / 128); remaining > 0; remaining = Math.floor(remaining / 128)) {
      base128.unshift((remaining & 0x7f) | 0x80);
    }
    bytes.push(...base128);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export function utf8String(value: string): Buffer {
  return tlv(0x0c, Buffer.from(value, 'utf8'));
}

export function octetString(content: Uint8Array): Buffer {
  return tlv(0x04, content);
}

export function bitString(content: Uint8Array): Buffer {
  // The first content octet counts unused bits in the last byte; keys and signatures use whole bytes.
  return tlv(0x03, Buffer.concat([Buffer.of(0), content]));
}

/** UTCTime (years 1950–2049), as X.509 requires for those years. */
export function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.of(length);
  }
  const bytes: number[] = [];
  for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 256)) {
    bytes.unshift(remaining & 0xff);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
