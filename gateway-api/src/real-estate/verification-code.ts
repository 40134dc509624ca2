import { randomBytes } from 'node:crypto';

import { VERIFICATION_CODE_ALPHABET, VERIFICATION_CODE_LENGTH } from '../../../chaincode/src/contract';

const SYMBOLS = VERIFICATION_CODE_ALPHABET.length;
/** Bytes at or above this would favour the first symbols (256 is not a multiple of 31): drawn again. */
const UNBIASED_BELOW = 256 - (256 % SYMBOLS);

/**
 * A fresh verification code for a certificate the registration issues: 8 symbols drawn uniformly
 * from the unambiguous alphabet with crypto randomness (rejection sampling, so no symbol is likelier
 * than another). The chaincode has no randomness, so the gateway draws it.
 */
export function newVerificationCode(random: (size: number) => Buffer = randomBytes): string {
  let code = '';
  while (code.length < VERIFICATION_CODE_LENGTH) {
    for (const byte of random(VERIFICATION_CODE_LENGTH)) {
      if (byte < UNBIASED_BELOW && code.length < VERIFICATION_CODE_LENGTH) {
        code += VERIFICATION_CODE_ALPHABET[byte % SYMBOLS] ?? '';
      }
    }
  }
  return code;
}
