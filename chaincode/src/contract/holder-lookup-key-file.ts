import { HOLDER_LOOKUP_KEY_BYTES, MAX_HOLDER_LOOKUP_KEY_VERSION } from '../common/holder-lookup';
import { randomBytes } from 'node:crypto';

/**
 * `.govtrace/gateway/holder-lookup.key`: the holder lookup key, the pepper behind the chaincode's
 * private owner index (chaincode README, "Owner index"), with its version. `network up` creates it
 * for a new network (scripts/src/identity/holder-lookup-key.ts) and the gateway reads it at start-up
 * (src/real-estate/holder-lookup-key.ts); this is the format both agree on.
 *
 *   {"version":2,"key":"<base64 of at least 32 bytes>"}
 *
 * The version is what the chaincode records in every owner index entry, so after a rotation the
 * entries written under an older key can be found and re-indexed (gateway README, "Rotating the
 * holder lookup key"). A file of raw bytes (what was written before keys had versions) is version 1.
 */
export interface HolderLookupKeyFile {
  /** 1, 2, …: each rotation takes the next. */
  readonly version: number;
  readonly key: Buffer;
}

/** The sizes the chaincode accepts for the pepper: a key outside them would be refused there. */
export const { min: MIN_HOLDER_LOOKUP_KEY_BYTES, max: MAX_HOLDER_LOOKUP_KEY_BYTES } = HOLDER_LOOKUP_KEY_BYTES;
const MAX_VERSION = MAX_HOLDER_LOOKUP_KEY_VERSION;

/** A new key of the given version: 32 random bytes. */
export function newHolderLookupKey(version = 1): HolderLookupKeyFile {
  return { version, key: randomBytes(MIN_HOLDER_LOOKUP_KEY_BYTES) };
}

export function formatHolderLookupKeyFile(file: HolderLookupKeyFile): string {
  return `${JSON.stringify({ version: file.version, key: file.key.toString('base64') })}\n`;
}

/**
 * The key in a file's bytes, or the reason it is not one. A raw (pre-version) key is at least 32
 * bytes that are not JSON; anything that looks like the JSON format must be exactly that format, so
 * a damaged file is refused rather than used as a different key.
 */
export function parseHolderLookupKeyFile(
  bytes: Buffer,
):
  | { readonly ok: true; readonly value: HolderLookupKeyFile }
  | { readonly ok: false; readonly reason: string } {
  const json = asJson(bytes);
  if (json === undefined) {
    return bytes.length >= MIN_HOLDER_LOOKUP_KEY_BYTES && bytes.length <= MAX_HOLDER_LOOKUP_KEY_BYTES
      ? { ok: true, value: { version: 1, key: bytes } }
      : {
          ok: false,
          reason: `holds ${bytes.length} raw bytes; a key needs ${MIN_HOLDER_LOOKUP_KEY_BYTES} to ${MAX_HOLDER_LOOKUP_KEY_BYTES}`,
        };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'is JSON but not {"version", "key"}' };
  }
  const { version, key } = json as Record<string, unknown>;
  if (!isVersion(version)) return { ok: false, reason: 'has no version (a whole number from 1)' };
  const decoded = typeof key === 'string' && BASE64.test(key) ? Buffer.from(key, 'base64') : undefined;
  if (decoded === undefined) return { ok: false, reason: 'has no base64 key' };
  if (!keySized(decoded.length)) {
    return { ok: false, reason: `has a ${decoded.length}-byte key; a key needs ${KEY_SIZES}` };
  }
  return { ok: true, value: { version, key: decoded } };
}

const KEY_SIZES = `${MIN_HOLDER_LOOKUP_KEY_BYTES} to ${MAX_HOLDER_LOOKUP_KEY_BYTES} bytes`;

function keySized(length: number): boolean {
  return length >= MIN_HOLDER_LOOKUP_KEY_BYTES && length <= MAX_HOLDER_LOOKUP_KEY_BYTES;
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_VERSION;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The parsed JSON, or undefined for a raw key. Text that starts with `{` is taken for the JSON format
 * (random key bytes are practically never valid UTF-8 that starts so), and if it does not parse it
 * is a damaged file, never a raw key: using it as one would silently be a different key.
 */
function asJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes).trim();
  } catch {
    return undefined;
  }
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // not an object: refused below
  }
}
