// Where a bag is now, from its step keys: still at the station, on a vehicle (which one, on which
// load), waiting at a transfer station, or delivered. Loads and arrivals decide by this, so the rules
// of the hop live in one place. The step keys are prefetched by the batch, so these reads are local.

import { type Context } from 'fabric-contract-api';
import { type WasteBagEvent } from './bag-event';
import { readBagEvent } from './ledger-reads';

export type BagPosition =
  | { readonly kind: 'COMMISSIONED' }
  /** Scanned at a station, not yet on a vehicle. */
  | { readonly kind: 'AT_STATION'; readonly collected: WasteBagEvent }
  /** On the vehicle of `leg` (its LOADED or TRANSFER_DEPARTED step). */
  | { readonly kind: 'ON_VEHICLE'; readonly leg: WasteBagEvent; readonly collected?: WasteBagEvent }
  /** Arrived at a transfer station and not yet left it. */
  | { readonly kind: 'AT_TRANSFER'; readonly arrival: WasteBagEvent; readonly collected?: WasteBagEvent }
  | { readonly kind: 'DELIVERED'; readonly delivered: WasteBagEvent };

/** The steps bagPosition reads, for the batch's prefetch. */
export const POSITION_STEPS = [
  'COLLECTED',
  'LOADED',
  'TRANSFER_ARRIVED',
  'TRANSFER_DEPARTED',
  'DELIVERED',
] as const;

export async function bagPosition(ctx: Context, barcode: string): Promise<BagPosition> {
  const delivered = await readBagEvent(ctx, barcode, 'DELIVERED');
  if (delivered !== undefined) {
    return { kind: 'DELIVERED', delivered };
  }
  const collected = await readBagEvent(ctx, barcode, 'COLLECTED');
  const withCollected = collected === undefined ? {} : { collected };
  const departed = await readBagEvent(ctx, barcode, 'TRANSFER_DEPARTED');
  if (departed !== undefined) {
    return { kind: 'ON_VEHICLE', leg: departed, ...withCollected };
  }
  const arrival = await readBagEvent(ctx, barcode, 'TRANSFER_ARRIVED');
  if (arrival !== undefined) {
    return { kind: 'AT_TRANSFER', arrival, ...withCollected };
  }
  const loaded = await readBagEvent(ctx, barcode, 'LOADED');
  if (loaded !== undefined) {
    return { kind: 'ON_VEHICLE', leg: loaded, ...withCollected };
  }
  return collected === undefined ? { kind: 'COMMISSIONED' } : { kind: 'AT_STATION', collected };
}

/** The bag's weight as scanned at the station (0 if it never was, which no accepted leg allows). */
export function scannedWeight(position: BagPosition): number {
  if (position.kind === 'AT_STATION') {
    return position.collected.weightGrams ?? 0;
  }
  if (position.kind === 'ON_VEHICLE' || position.kind === 'AT_TRANSFER') {
    return position.collected?.weightGrams ?? 0;
  }
  return 0;
}
