import { Injectable } from '@nestjs/common';

import { type Projection, type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteSiteRow } from '../entities/waste-site.entity';
import { EventNames } from '../../../../chaincode/src/contract';
import { parseSiteRegistered } from './waste-events';
import { siteKeys } from './waste-keys';
import { insertIgnoringExisting } from './waste-scans.projector';

/** WasteSiteRegistered → waste_sites. A site id is registered once on the ledger, so a repeat is a redelivery. */
@Injectable()
export class WasteSiteProjector implements Projector {
  readonly eventName = EventNames.WasteSiteRegistered;

  prepare(event: LedgerEvent): Projection {
    const site = parseSiteRegistered(event);
    return {
      claim: { keys: siteKeys(site) },
      write: (manager) =>
        insertIgnoringExisting(manager, WasteSiteRow, [
          {
            siteId: site.siteId,
            kind: site.kind,
            districtCode: site.districtCode,
            name: site.name,
            registeredAt: site.registeredAt,
            txId: event.transactionId,
            blockNumber: event.blockNumber,
          },
        ]),
    };
  }
}
