import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { EventNames } from '../../../../chaincode/src/contract';
import { type Projection, type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type RegistrationColumns } from '../entities/registration-columns';
import { WasteBinRow } from '../entities/waste-bin.entity';
import { WasteLoadRow } from '../entities/waste-load.entity';
import { WasteVehicleRow } from '../entities/waste-vehicle.entity';
import {
  parseBinRegistered,
  parseBinRetired,
  parseLoadWeightCorrected,
  parseVehicleRegistered,
  parseVehicleRetired,
} from './waste-events';
import { binKeys, correctionKeys, vehicleKeys } from './waste-keys';
import { insertIgnoringExisting } from './waste-scans.projector';

// Registered vehicles and bins → waste_vehicles / waste_bins, and a load's weight correction →
// waste_loads. A registration is write-once on the ledger (a repeat is a redelivery) and a retirement
// happens once, so replaying either changes nothing. WasteRouteRecorded is not projected: a route is
// read from the ledger (GET …/routes/{day}) and what the index needs of it, a load off the route, is
// the load's own OFF_ROUTE anomaly.

/** The registration and retirement columns both rows take from their events. */
interface Registration {
  readonly status: string;
  readonly registeredAt: string;
}

function registered(event: LedgerEvent, record: Registration): RegistrationColumns {
  return {
    status: record.status,
    registeredAt: record.registeredAt,
    retiredAt: null,
    txId: event.transactionId,
    blockNumber: event.blockNumber,
  };
}

/** A retirement: the row's status and time; the registering transaction stays the row's. */
function retirement(
  keys: string[],
  target: new () => RegistrationColumns,
  idColumn: 'vehicle_id' | 'bin_id',
  id: string,
  retired: { readonly status: string; readonly retiredAt: string },
): Projection {
  return {
    claim: { keys },
    write: async (manager: EntityManager) => {
      await manager
        .createQueryBuilder()
        .update(target)
        .set({ status: retired.status, retiredAt: retired.retiredAt })
        .where(`${idColumn} = :id`, { id })
        .execute();
    },
  };
}

@Injectable()
export class WasteVehicleRegisteredProjector implements Projector {
  readonly eventName = EventNames.WasteVehicleRegistered;

  prepare(event: LedgerEvent): Projection {
    const vehicle = parseVehicleRegistered(event);
    const { vehicleId, companyUscc, rfidTag, capacityKg } = vehicle;
    const row: WasteVehicleRow = {
      vehicleId,
      companyUscc,
      rfidTag,
      capacityKg,
      ...registered(event, vehicle),
    };
    return {
      claim: { keys: vehicleKeys(vehicle) },
      write: (manager) => insertIgnoringExisting(manager, WasteVehicleRow, [row]),
    };
  }
}

@Injectable()
export class WasteVehicleRetiredProjector implements Projector {
  readonly eventName = EventNames.WasteVehicleRetired;

  prepare(event: LedgerEvent): Projection {
    const vehicle = parseVehicleRetired(event);
    return retirement(vehicleKeys(vehicle), WasteVehicleRow, 'vehicle_id', vehicle.vehicleId, vehicle);
  }
}

@Injectable()
export class WasteBinRegisteredProjector implements Projector {
  readonly eventName = EventNames.WasteBinRegistered;

  prepare(event: LedgerEvent): Projection {
    const bin = parseBinRegistered(event);
    const { binId, siteId, rfidTag, category } = bin;
    const row: WasteBinRow = { binId, siteId, rfidTag, category, ...registered(event, bin) };
    return {
      claim: { keys: binKeys(bin) },
      write: (manager) => insertIgnoringExisting(manager, WasteBinRow, [row]),
    };
  }
}

@Injectable()
export class WasteBinRetiredProjector implements Projector {
  readonly eventName = EventNames.WasteBinRetired;

  prepare(event: LedgerEvent): Projection {
    const bin = parseBinRetired(event);
    return retirement(binKeys(bin), WasteBinRow, 'bin_id', bin.binId, bin);
  }
}

/** The latest correction counts: one redelivered after a newer one leaves the newer in place. */
@Injectable()
export class WasteLoadWeightCorrectedProjector implements Projector {
  readonly eventName = EventNames.WasteLoadWeightCorrected;

  prepare(event: LedgerEvent): Projection {
    const correction = parseLoadWeightCorrected(event);
    return {
      claim: { keys: correctionKeys(correction) },
      write: async (manager: EntityManager) => {
        await manager
          .createQueryBuilder()
          .update(WasteLoadRow)
          .set({ correctedWeightGrams: correction.correctedWeightGrams, correctedAt: correction.correctedAt })
          .where('load_id = :loadId', { loadId: correction.loadId })
          .andWhere('(corrected_at IS NULL OR corrected_at <= :at)', { at: correction.correctedAt })
          .execute();
      },
    };
  }
}
