import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteSiteRow } from '../entities/waste-site.entity';
import { WasteEvents } from '../waste-domain';
import { parseSiteRegistered } from './waste-events';
import { insertIgnoringExisting } from './waste-scans.projector';

/** WasteSiteRegistered → waste_sites. A site id is registered once on the ledger, so a repeat is a redelivery. */
@Injectable()
export class WasteSiteProjector implements Projector {
  readonly eventName = WasteEvents.SiteRegistered;

  async project(manager: EntityManager, event: LedgerEvent): Promise<void> {
    const site = parseSiteRegistered(event);
    await insertIgnoringExisting(manager, WasteSiteRow, [
      { ...site, txId: event.transactionId, blockNumber: event.blockNumber },
    ]);
  }
}
