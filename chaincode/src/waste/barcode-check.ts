// Per-item barcode classification for batches: a misread (wrong check digit) and a malformed code get
// different reasons, because a station fixes them differently (rescan vs. wrong label).

import { type ParsedBagBarcode, bagBarcodeCheckDigit, parseBagBarcode } from '../common/identifiers';
import { type ItemCode, ItemCodes } from './domain';

export type BarcodeCheck =
  | { readonly ok: true; readonly barcode: ParsedBagBarcode }
  | { readonly ok: false; readonly code: ItemCode; readonly message: string };

export function checkBarcode(input: unknown): BarcodeCheck {
  if (typeof input !== 'string') {
    return { ok: false, code: ItemCodes.MalformedBarcode, message: 'barcode must be text of 18 digits' };
  }
  const parsed = parseBagBarcode(input);
  if (parsed.valid) {
    return { ok: true, barcode: parsed.value };
  }
  const digits = input.trim();
  const misread =
    /^[0-9]{18}$/.test(digits) && bagBarcodeCheckDigit(digits.slice(0, 17)) !== Number(digits.slice(17));
  return {
    ok: false,
    code: misread ? ItemCodes.BadCheckDigit : ItemCodes.MalformedBarcode,
    message: `barcode ${parsed.reason}`,
  };
}

/** The barcode as the client sent it, for echoing in a rejection (never longer than 64 characters). */
export function echoBarcode(input: unknown): string {
  return typeof input === 'string' ? input.slice(0, 64) : '';
}
