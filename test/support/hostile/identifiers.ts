import { randomInt } from 'node:crypto';
import { makeBagBarcode } from '../../../chaincode/src/contract';
import * as fresh from '../identifiers';

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

export const { digits, residentId } = fresh;
export const unitNumber = (): string => issue(fresh.unitNumber());
export const titleCertificate = (): string => issue(fresh.titleNumber());

export const receiptNumber = (): string => issue(`QS-${digits(10)}`);

export const smokeKey = (): string => issue(`hx-${digits(12)}`);

export const uscc = (): string => issue(fresh.uscc());

/** A site id no one has registered: `HX` (hostile) plus random digits, within SITE_ID_PATTERN. */
export const siteId = (kind: 'ST' | 'FA'): string => issue(`HX-${kind}-${digits(8)}`);

/** A serial far from the ones other suites use (they pick up to 990 000 000). */
export const bagSerial = (): number => issue(990_000_001 + randomInt(9_000_000));

export const barcode = (serial = bagSerial()): string => issue(makeBagBarcode('440103', '01', serial));

/** A large new-energy plate (粤A + 5 digits + D); a taken one answers 409, which is still no 5xx. */
export const plate = (): string => issue(`粤A${digits(5)}D`);

/** A bin id no one has registered, within BIN_ID_PATTERN. */
export const binId = (): string => issue(`HX-ST-${digits(8)}-B01`);

/** An EPC-96 tag id: 24 upper-case hexadecimal digits. */
export const rfidTag = (): string => `E2801160${digits(16)}`;

/** A load id no transaction has: 64 hexadecimal digits. */
export const loadId = (): string => issue(`${digits(16)}`.padEnd(64, 'f'));
