// The bin a scan names, when the station's reader saw one. An unknown, retired or elsewhere-standing
// bin refuses that one scan (like an unknown site); a bin of another category than the bag is accepted
// and flagged, because the bag is real and the mismatch is what the inspector wants to see.

import { type Context } from 'fabric-contract-api';
import { type AnomalyNote, AnomalyTypes, type ItemCode, ItemCodes } from './domain';
import { readBin } from './bin-registry';
import { type WasteBin } from './bin';

export type BinVerdict =
  | { readonly ok: true; readonly anomalies: readonly AnomalyNote[] }
  | { readonly ok: false; readonly code: ItemCode; readonly message: string };

/** Bins read during one transaction; null remembers that a bin does not exist. */
export class BinCache {
  readonly #bins = new Map<string, WasteBin | null>();

  constructor(private readonly ctx: Context) {}

  async get(binId: string): Promise<WasteBin | undefined> {
    const cached = this.#bins.get(binId);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    const bin = await readBin(this.ctx, binId);
    this.#bins.set(binId, bin ?? null);
    return bin;
  }
}

export function judgeBin(
  bin: WasteBin | undefined,
  binId: string,
  stationId: string,
  bag: { readonly barcode: string; readonly category: string },
): BinVerdict {
  if (bin === undefined) {
    return { ok: false, code: ItemCodes.UnknownBin, message: `bin ${binId} is not registered` };
  }
  if (bin.status !== 'ACTIVE') {
    return {
      ok: false,
      code: ItemCodes.RetiredBin,
      message: `bin ${binId} was retired on ${bin.retiredAt ?? ''}`,
    };
  }
  if (bin.siteId !== stationId) {
    return {
      ok: false,
      code: ItemCodes.BinElsewhere,
      message: `bin ${binId} stands at ${bin.siteId}, not at ${stationId}`,
    };
  }
  const anomalies: AnomalyNote[] =
    bin.category === bag.category
      ? []
      : [
          {
            type: AnomalyTypes.BinCategoryMismatch,
            message: `bag ${bag.barcode} of category ${bag.category} was taken from bin ${binId} for category ${bin.category}`,
          },
        ];
  return { ok: true, anomalies };
}
