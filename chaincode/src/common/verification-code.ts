// The holder's verification code (核验码), printed on a certificate when it is issued. Whoever holds
// the paper holds the code; an ID number alone (often guessable from a birth date) is not enough to
// ask whether someone holds a certificate. The gateway generates it with crypto randomness (chaincode
// has none) and both sides accept exactly this shape, so it lives here for both to import.
//
// 8 characters from 31 symbols that cannot be confused when read aloud or typed from paper (no 0/O,
// 1/I/L): 31^8 ≈ 8.5·10^11, about 40 bits. Plenty against online guessing behind the gateway's
// per-certificate lockout, too little against an offline search of a public hash: hence the salted
// hash is kept in the registry's private collection (see realestate/certificate-code.ts).

export const VERIFICATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFICATION_CODE_LENGTH = 8;

const CODE_PATTERN = new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);

/**
 * The canonical code (upper case, without the spaces or hyphen a citizen may type from the print
 * `ABCD-EFGH`), or undefined when it is not a code at all.
 */
export function canonicalVerificationCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** How the code is printed: two groups of four, easier to copy by hand. */
export function printedVerificationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
