// The deed tax paid on a clearance, as the contract records it: whole fen in a decimal string (as the
// registry's secured amounts), so no binary fraction ever reaches the ledger. Plain data, no Fabric:
// the gateway checks its own field against the same bound (contract/index.ts).

/** 1 fen to 999 999 999 999 999 fen (just under ten trillion yuan), no leading zeros. */
export const TAX_PAID_FEN_PATTERN = /^[1-9][0-9]{0,14}$/;
export const MAX_TAX_PAID_FEN = 999_999_999_999_999;
