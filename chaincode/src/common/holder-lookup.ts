// The registry's holder-lookup key (the "pepper" of its private owner index, realestate/holder-index.ts)
// as the chaincode and the gateway must both understand it: the transient fields it travels in and the
// sizes the chaincode accepts. The gateway makes and checks its key file against the same numbers
// (chaincode/src/contract/holder-lookup-key-file.ts), so a key it accepts is never refused here.

/** Transient field of the pepper (base64). */
export const PEPPER_FIELD = 'holderLookupPepper';
/** Transient field of the key's version (decimal), recorded in each owner-index entry. */
export const KEY_VERSION_FIELD = 'holderLookupKeyVersion';

/** Fewer bytes would make the HMAC's secret guessable; more than this is not a key but a mistake. */
export const HOLDER_LOOKUP_KEY_BYTES = { min: 32, max: 1024 } as const;

export const MAX_HOLDER_LOOKUP_KEY_VERSION = 2 ** 31 - 1;
