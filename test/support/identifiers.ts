import { randomInt } from 'node:crypto';

import {
  organisationCodeCheck,
  residentIdCheckCharacter,
  usccCheckCharacter,
} from '../../chaincode/src/contract';

// Fresh, valid identifiers for tests against the real network, where numbers are unique on the
// channel for ever: each call draws new random digits and computes the check characters.

export const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');

export function residentId(): string {
  const first17 = `440106${String(1960 + randomInt(40))}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const unitNumber = (): string => `440184001016GB00009F${digits(8)}`;

/** 不动产权 title certificate number (FIRST, TRANSFER, CHANGE). */
export const titleNumber = (): string => `粤(2026)广州市不动产权第${digits(8)}号`;

/** 不动产证明 registration certificate number (MORTGAGE, ADVANCE_NOTICE …). */
export const registrationProofNumber = (): string => `粤(2026)广州市不动产证明第${digits(7)}号`;

export function uscc(): string {
  const orgCode8 = digits(8);
  const first17 = `91440106${orgCode8}${organisationCodeCheck(orgCode8)}`;
  return first17 + usccCheckCharacter(first17);
}
