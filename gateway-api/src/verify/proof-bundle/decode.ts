import { ProofBundleError, type ProofBundleErrorCode } from './proof-bundle-error';

/**
 * Runs a protobuf decode and turns whatever google-protobuf throws on bad bytes into a ProofBundleError
 * that says which structure was bad. google-protobuf throws plain Errors (or asserts) with messages
 * about wire types, which mean nothing to a caller.
 */
export function decodeOrThrow<T>(code: ProofBundleErrorCode, what: string, decode: () => T): T {
  try {
    return decode();
  } catch (cause) {
    // a more precise failure from inside the decode (a missing sub-message) is kept as it is
    if (cause instanceof ProofBundleError) throw cause;
    throw new ProofBundleError(code, `${what} does not decode`, { cause });
  }
}

/** A sub-message the structure requires; google-protobuf returns undefined for absent ones. */
export function present<T>(code: ProofBundleErrorCode, value: T | undefined, what: string): T {
  if (value === undefined) throw new ProofBundleError(code, `${what} is missing`);
  return value;
}
