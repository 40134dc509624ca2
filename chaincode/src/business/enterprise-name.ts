// Enterprise names must be unique in the city "after normalising width and spaces" (DESIGN.md). Clerks
// type names with Chinese input methods, which produce full-width Latin letters, digits and brackets
// (ＡＢＣ（广州）) and the ideographic space; the same name typed half-width must collide with it.
//
// This is a small, deterministic subset of Unicode NFKC width folding, written out by hand so that the
// result never depends on the Unicode tables of the Node version a peer runs (String.normalize and
// toLowerCase do): every endorsing peer and the gateway must compute the same claim key.

import { createHash } from 'node:crypto';
import { type ErrorDetail } from '../common/errors';

export const ENTERPRISE_NAME_MIN_CHARS = 2;
export const ENTERPRISE_NAME_MAX_CHARS = 100;

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xff01 - 0x21;

// JavaScript's \s covers ASCII whitespace, NBSP, U+1680, U+2000–U+200A, line/paragraph separators,
// U+202F, U+205F, the ideographic space U+3000 and U+FEFF; the zero-width characters are added
// because they are invisible in a name too.
const INVISIBLE = /[\s\u200b-\u200d\u2060]/gu;

/**
 * The comparison form of an enterprise name: full-width ASCII folded to half-width, every kind of
 * whitespace removed, ASCII letters lower-cased. Chinese characters are left as they are.
 */
export function normaliseEnterpriseName(name: string): string {
  let folded = '';
  for (const character of name) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= FULL_WIDTH_FIRST && codePoint <= FULL_WIDTH_LAST) {
      folded += String.fromCharCode(codePoint - FULL_TO_HALF_OFFSET);
    } else {
      folded += character;
    }
  }
  return folded
    .replace(INVISIBLE, '')
    .replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

/** Hex SHA-256 of the normalised name: a fixed-length key attribute however long the name is. */
export function enterpriseNameClaimId(normalisedName: string): string {
  return createHash('sha256').update(normalisedName, 'utf8').digest('hex');
}

/** Problems with a name as typed (trimmed by the caller). */
export function enterpriseNameProblems(name: string, field = 'name'): ErrorDetail[] {
  const length = [...name].length;
  if (hasControlCharacter(name) || !isWellFormed(name)) {
    return [{ field, message: 'must not contain control characters or broken Unicode' }];
  }
  if (length > ENTERPRISE_NAME_MAX_CHARS) {
    return [{ field, message: `must be at most ${ENTERPRISE_NAME_MAX_CHARS} characters` }];
  }
  if ([...normaliseEnterpriseName(name)].length < ENTERPRISE_NAME_MIN_CHARS) {
    return [{ field, message: `must have at least ${ENTERPRISE_NAME_MIN_CHARS} visible characters` }];
  }
  return [];
}

/** True when the text has no lone surrogate (it survives UTF-8 encoding unchanged). */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * True when the text has a C0/C1 control character other than those in `allowed` (e.g. '\n'): controls
 * have no place in text printed on a licence. A loop rather than a regex with control-character ranges.
 */
export function hasControlCharacter(text: string, allowed = ''): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if ((code <= 0x1f || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(character)) {
      return true;
    }
  }
  return false;
}
