import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { type Projection, type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { WasteAnomalyRow } from '../entities/waste-anomaly.entity';
import { WasteBagRow } from '../entities/waste-bag.entity';
import { WasteBagMovementRow } from '../entities/waste-bag-movement.entity';
import { EventNames } from '../../../../chaincode/src/contract';
import { commissionedKeys, movementKeys } from './waste-keys';
import { parseBagsCommissioned } from './waste-events';
import { WasteLoadRow } from '../entities/waste-load.entity';
import { loadRow, recountArrivals } from './waste-load-rows';
import { parseCollectionRecorded } from './waste-events';
import { collectionMovement, deliveryMovement, type Movement } from './waste-movement-events';
import { insertIgnoringExisting } from './waste-scans.projector';

/** WasteBagsCommissioned → waste_bags, one row per barcode (no household data: the event has only its hash). */
@Injectable()
export class WasteBagsCommissionedProjector implements Projector {
  readonly eventName = EventNames.WasteBagsCommissioned;

  prepare(event: LedgerEvent): Projection {
    const batch = parseBagsCommissioned(event);
    const rows = batch.barcodes.map((barcode, offset): WasteBagRow => ({
      barcode,
      batchId: batch.batchId,
      districtCode: batch.districtCode,
      category: batch.category,
      serial: batch.firstSerial + offset,
      commissionedAt: batch.commissionedAt,
      txId: event.transactionId,
      blockNumber: event.blockNumber,
    }));
    return {
      claim: { keys: commissionedKeys(batch) },
      write: (manager) => insertIgnoringExisting(manager, WasteBagRow, rows),
    };
  }
}

function movementProjection(
  event: LedgerEvent,
  movement: Movement,
  andThen: (manager: EntityManager) => Promise<void>,
): Projection {
  return {
    claim: { keys: movementKeys(event, movement) },
    write: async (manager) => {
      await projectMovement(manager, event, movement);
      await andThen(manager);
    },
  };
}

/**
 * A load or a delivery → waste_bag_movements (one row per bag) and its anomalies → waste_anomalies,
 * under the site (station, transfer station or facility) and day, so the site's daily statistics list them. Keys are
 * (barcode, step) and (txId, position): a redelivered event adds nothing.
 */
async function projectMovement(
  manager: EntityManager,
  event: LedgerEvent,
  movement: Movement,
): Promise<void> {
  const rows = movement.barcodes.map((barcode): WasteBagMovementRow => ({
    barcode,
    step: movement.step,
    siteId: movement.siteId,
    vehicleId: movement.vehicleId,
    at: movement.at,
    day: movement.day,
    outcome: movement.outcome,
    txId: event.transactionId,
    blockNumber: event.blockNumber,
  }));
  const anomalies = movement.anomalies.map((anomaly, seq): WasteAnomalyRow => ({
    txId: event.transactionId,
    seq,
    eventName: event.eventName,
    type: anomaly.type,
    message: anomaly.message,
    barcode: anomaly.barcode ?? null,
    itemIndex: anomaly.index ?? null,
    stationId: movement.siteId,
    day: movement.day,
    recordedAt: movement.recordedAt,
  }));
  await insertIgnoringExisting(manager, WasteBagMovementRow, rows);
  await insertIgnoringExisting(manager, WasteAnomalyRow, anomalies);
}

@Injectable()
export class WasteCollectionProjector implements Projector {
  readonly eventName = EventNames.WasteCollectionRecorded;

  /** The bags' movements and anomalies, and the load's own row (waste_loads). */
  prepare(event: LedgerEvent): Projection {
    const row = loadRow(event, parseCollectionRecorded(event));
    return movementProjection(event, collectionMovement(event), (manager) =>
      insertIgnoringExisting(manager, WasteLoadRow, row === undefined ? [] : [row]),
    );
  }
}

@Injectable()
export class WasteDeliveryProjector implements Projector {
  readonly eventName = EventNames.WasteDeliveryRecorded;

  /** The bags' movements and anomalies, then the arrived-bag count of the loads they came on. */
  prepare(event: LedgerEvent): Projection {
    const movement = deliveryMovement(event);
    return movementProjection(event, movement, (manager) => recountArrivals(manager, movement.barcodes));
  }
}
