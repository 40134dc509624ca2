import { readCertificate, ROLE_ATTRIBUTE } from './certificate';

/** Enough for every enrolled user of a city's departments; past it the memo starts again. */
const DEFAULT_CAPACITY = 1024;

/**
 * The `govtrace.role` attribute of transaction creators' certificates, parsed once per certificate:
 * a block stream sees the same few staff certificates in transaction after transaction, and parsing
 * X.509 for each would cost more than decoding the rest of the transaction.
 */
export class CreatorRoles {
  readonly #memo = new Map<string, string | undefined>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The role in a SerializedIdentity's id bytes; undefined without one or for a non-X.509 identity. */
  roleOf(idBytes: Uint8Array): string | undefined {
    const key = Buffer.from(idBytes.buffer, idBytes.byteOffset, idBytes.byteLength).toString('latin1');
    if (this.#memo.has(key)) return this.#memo.get(key);
    const role = parseRole(idBytes);
    // a plain reset rather than an LRU: certificates change rarely, and this only bounds memory
    if (this.#memo.size >= this.capacity) this.#memo.clear();
    this.#memo.set(key, role);
    return role;
  }
}

function parseRole(idBytes: Uint8Array): string | undefined {
  try {
    return readCertificate(idBytes).attributes[ROLE_ATTRIBUTE];
  } catch {
    // an identity that is not an X.509 certificate (e.g. an idemix one) has no attributes we can read
    return undefined;
  }
}
