// The reads the waste transactions make, kept minimal because each getState is a round trip to the
// peer: one read of the bag, then only the step keys the decision needs. Sites are cached for the
// transaction, so a batch of 1000 scans from one station reads the station once.

import { type Context } from 'fabric-contract-api';
import { getRecord } from '../common/ledger';
import { WasteConfig } from './config';
import { type WasteBag, WasteBag as WasteBagRecord } from './bag';
import { parseStoredBagEvent, type WasteBagEvent } from './bag-event';
import { type BagStep } from './domain';
import { bagEventKey, bagKey, configKey, siteKey } from './keys';
import { WasteSite } from './site';

export async function readBag(ctx: Context, barcode: string): Promise<WasteBag | undefined> {
  return getRecord(ctx, bagKey(ctx, barcode), (raw) => WasteBagRecord.fromStored(raw));
}

export async function readBagEvent(
  ctx: Context,
  barcode: string,
  step: BagStep,
): Promise<WasteBagEvent | undefined> {
  return getRecord(ctx, bagEventKey(ctx, barcode, step), parseStoredBagEvent);
}

export async function readSite(ctx: Context, siteId: string): Promise<WasteSite | undefined> {
  return getRecord(ctx, siteKey(ctx, siteId), (raw) => WasteSite.fromStored(raw));
}

/** Sites read during one transaction; null remembers that a site does not exist. */
export class SiteCache {
  readonly #sites = new Map<string, WasteSite | null>();

  constructor(private readonly ctx: Context) {}

  async get(siteId: string): Promise<WasteSite | undefined> {
    const cached = this.#sites.get(siteId);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    const site = await readSite(this.ctx, siteId);
    this.#sites.set(siteId, site ?? null);
    return site;
  }
}

/** The configuration in force: the stored one, or the defaults before any SetConfig. */
export async function readConfig(ctx: Context): Promise<WasteConfig> {
  return (
    (await getRecord(ctx, configKey(ctx), (raw) => WasteConfig.fromStored(raw))) ?? WasteConfig.defaults()
  );
}
