import { randomInt } from 'node:crypto';
import {
  makeBagBarcode,
  organisationCodeCheck,
  residentIdCheckCharacter,
  usccCheckCharacter,
} from '../../../chaincode/src/common/identifiers';

// Fresh, valid identifiers for hostile-input tests: unit, certificate, USCC, site and bag numbers are
// write-once on the channel, so every request that could succeed needs new ones.

/**
 * Every identifier handed out, as it appears in a transaction's arguments: a block holding one of them
 * that we were not answered 201 for means a refused request reached the ledger.
 */
export const issued = new Set<string>();
const issue = <T extends string | number>(value: T): T => {
  issued.add(String(value));
  return value;
};

export const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');

export function residentId(): string {
  const first17 = `440106${String(1960 + randomInt(40))}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const unitNumber = (): string => issue(`440184001016GB00009F${digits(8)}`);
export const titleCertificate = (): string => issue(`粤(2026)广州市不动产权第${digits(8)}号`);

export const receiptNumber = (): string => issue(`QS-${digits(10)}`);

export const smokeKey = (): string => issue(`hx-${digits(12)}`);

export function uscc(): string {
  const organisation = digits(8);
  const first17 = `91440106${organisation}${organisationCodeCheck(organisation)}`;
  return issue(first17 + usccCheckCharacter(first17));
}

/** A site id no one has registered: `HX` (hostile) plus random digits, within SITE_ID_PATTERN. */
export const siteId = (kind: 'ST' | 'FA'): string => issue(`HX-${kind}-${digits(8)}`);

/** A serial far from the ones other suites use (they pick up to 990 000 000). */
export const bagSerial = (): number => issue(990_000_001 + randomInt(9_000_000));

export const barcode = (serial = bagSerial()): string => issue(makeBagBarcode('440103', '01', serial));
