// Weight balance per hop: what arrives at a transfer station or facility against what left. A load is
// weighed once when it leaves (by the truck, or as a person corrected it); when only some of its bags
// arrive here, its weight is shared out by the bags' scanned weights. Integer arithmetic only, so every
// peer computes the same number.

import { type Context } from 'fabric-contract-api';
import { effectiveWeight, loadCorrections, readLoad } from './load';

export interface ArrivingBag {
  readonly barcode: string;
  /** The load the bag left on (LOADED or TRANSFER_DEPARTED step). */
  readonly loadId: string;
  /** The bag's scanned weight at the station. */
  readonly weightGrams: number;
}

export interface ArrivalBalance {
  /** The weight that left for these bags, pro-rated per load. */
  readonly expectedWeightGrams: number;
  /** The loads the bags came on and how many of each arrived here, in first-seen order. */
  readonly loads: readonly { readonly loadId: string; readonly bags: number }[];
}

export async function expectedArrivalWeight(
  ctx: Context,
  arriving: readonly ArrivingBag[],
): Promise<ArrivalBalance> {
  const byLoad = new Map<string, { bags: number; scannedGrams: number }>();
  for (const bag of arriving) {
    const entry = byLoad.get(bag.loadId) ?? { bags: 0, scannedGrams: 0 };
    entry.bags += 1;
    entry.scannedGrams += bag.weightGrams;
    byLoad.set(bag.loadId, entry);
  }
  let expectedWeightGrams = 0;
  for (const [loadId, arrived] of byLoad) {
    const load = await readLoad(ctx, loadId);
    if (load === undefined) {
      // A bag's leg always names the load written with it; a missing one is a bug, not a user error.
      throw new Error(`load ${loadId} of an arriving bag is missing`);
    }
    const weight = effectiveWeight(load, await loadCorrections(ctx, loadId));
    expectedWeightGrams += shareOfLoad(weight, arrived.scannedGrams, load.scannedWeightGrams);
  }
  return {
    expectedWeightGrams,
    loads: [...byLoad].map(([loadId, arrived]) => ({ loadId, bags: arrived.bags })),
  };
}

/** `loadGrams × part / whole`, rounded to the nearest gram; the whole load when whole is 0. */
export function shareOfLoad(loadGrams: number, partGrams: number, wholeGrams: number): number {
  if (wholeGrams <= 0 || partGrams >= wholeGrams) {
    return loadGrams;
  }
  // The product can pass 2^53 (10^8 g × 10^8 g), so it is taken in BigInt; halves round up.
  const twice = BigInt(loadGrams) * BigInt(partGrams) * 2n + BigInt(wholeGrams);
  return Number(twice / (2n * BigInt(wholeGrams)));
}
