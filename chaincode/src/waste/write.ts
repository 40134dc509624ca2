// Every public waste key is written through here: canonical JSON (putRecord) plus a key-level policy
// naming UrbanMSP, so no later change to the key commits without urban management's endorsement.
// Waste keys are write-once, so the policy is set in the very transaction that creates the key.

import { type Context } from 'fabric-contract-api';
import { OrgMsps } from '../common/access';
import { requireEndorsementBy } from '../common/endorsement';
import { putRecord } from '../common/ledger';
import { type WasteBagEvent } from './bag-event';
import { bagEventKey, bagKey } from './keys';

export async function putWasteRecord(ctx: Context, key: string, value: unknown): Promise<void> {
  await putRecord(ctx, key, value);
  await requireEndorsementBy(ctx, key, OrgMsps.Urban);
}

/**
 * A bag's new event (collected, loaded, delivered), written under the bag's own key-level policy:
 * the event's key is new and has no policy yet, so the bag's policy is set again (the same UrbanMSP
 * policy). That metadata write must satisfy the bag's current policy at commit, so an event endorsed
 * only by another department's peer is invalidated (common/endorsement.ts). Cheaper than rewriting the bag:
 * no read, and a few dozen bytes per bag instead of the bag's JSON.
 */
export async function putBagEvent(ctx: Context, event: WasteBagEvent): Promise<void> {
  await putWasteRecord(ctx, bagEventKey(ctx, event.barcode, event.step), event);
  await requireEndorsementBy(ctx, bagKey(ctx, event.barcode), OrgMsps.Urban);
}
