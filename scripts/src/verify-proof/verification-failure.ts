// A check that did not pass. Each step of the verifier throws one, and verifyProofBundle turns it into
// `{ ok: false, reason }`; the check name leads the reason so a reader sees at once which step failed.

export type CheckName =
  | 'bundle'
  | 'trust'
  | 'configuration'
  | 'block'
  | 'ordering'
  | 'transaction'
  | 'creator'
  | 'endorsement'
  | 'endorsement-policy'
  | 'write-set'
  | 'record'
  | 'status';

export class VerificationFailure extends Error {
  override readonly name = 'VerificationFailure';

  constructor(
    readonly check: CheckName,
    message: string,
  ) {
    super(message);
  }

  get reason(): string {
    return `${this.check}: ${this.message}`;
  }
}

export function fail(check: CheckName, message: string): never {
  throw new VerificationFailure(check, message);
}

/**
 * Runs a protobuf decode of untrusted bytes. google-protobuf throws on malformed input with messages
 * about wire types; the reader needs to know which structure was bad.
 */
export function decoded<T>(check: CheckName, what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof VerificationFailure) throw error;
    return fail(check, `${what} does not decode as Fabric writes it`);
  }
}

/** A sub-message the structure requires: google-protobuf returns undefined for an absent one. */
export function required<T>(check: CheckName, value: T | undefined, what: string): T {
  return value === undefined ? fail(check, `${what} is missing`) : value;
}
