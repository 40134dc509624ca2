// A bag's event (collected, loaded, delivered) is written under its own key, next to the bag's, never
// into the bag: the bag key is written once, so scanning, loading and delivering different bags never
// conflict. Only UrbanMSP's peer endorses writes to the waste namespace (its chaincode-level policy),
// so neither the event nor the bag needs a key-level policy.

import { type Context } from 'fabric-contract-api';
import { putRecord } from '../common/ledger';
import { type WasteBagEvent } from './bag-event';
import { bagEventKey } from './keys';

export async function putBagEvent(ctx: Context, event: WasteBagEvent): Promise<void> {
  await putRecord(ctx, bagEventKey(ctx, event.barcode, event.step), event);
}
