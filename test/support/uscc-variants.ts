import { USCC_ALPHABET } from '../../chaincode/src/contract';

/** Every string one character away from `uscc` within the USCC alphabet: all invalid by the two checks. */
export function singleCharacterVariants(uscc: string): string[] {
  const variants: string[] = [];
  for (let position = 0; position < uscc.length; position += 1) {
    for (const symbol of USCC_ALPHABET) {
      if (symbol !== uscc.charAt(position)) {
        variants.push(uscc.slice(0, position) + symbol + uscc.slice(position + 1));
      }
    }
  }
  return variants;
}
