// Every public waste key is written through here: canonical JSON (putRecord) plus a key-level policy
// naming UrbanMSP, so no later change to the key commits without urban management's endorsement.
// Waste keys are write-once, so the policy is set in the very transaction that creates the key.

import { type Context } from 'fabric-contract-api';
import { OrgMsps } from '../common/access';
import { requireEndorsementBy } from '../common/endorsement';
import { putRecord } from '../common/ledger';

export async function putWasteRecord(ctx: Context, key: string, value: unknown): Promise<void> {
  await putRecord(ctx, key, value);
  await requireEndorsementBy(ctx, key, OrgMsps.Urban);
}
