import { Injectable } from '@nestjs/common';

import { parseUscc } from '../../../../chaincode/src/contract';
import { Database } from '../../index-db/database/database';
import { type BinPage, type BinSummary, type ListBinsQuery } from '../dto/bin.dto';
import { type ListVehiclesQuery, type VehiclePage, type VehicleSummary } from '../dto/vehicle.dto';
import { WasteBinRow } from '../entities/waste-bin.entity';
import { WasteVehicleRow } from '../entities/waste-vehicle.entity';

/** Registered vehicles and bins from the index, in id order. */
@Injectable()
export class WasteFleetQueryService {
  constructor(private readonly database: Database) {}

  listVehicles(query: ListVehiclesQuery): Promise<VehiclePage> {
    return this.database.run(async (manager) => {
      const builder = manager.createQueryBuilder(WasteVehicleRow, 'v');
      if (query.status !== undefined) builder.andWhere('v.status = :status', { status: query.status });
      if (query.companyUscc !== undefined) {
        // the ledger keeps the canonical form; the DTO has already found the code valid
        const uscc = parseUscc(query.companyUscc);
        builder.andWhere('v.company_uscc = :uscc', { uscc: uscc.valid ? uscc.value.canonical : '' });
      }
      const [rows, total] = await builder
        .orderBy('v.vehicle_id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
      return { items: rows.map(vehicleSummary), page: query.page, pageSize: query.pageSize, total };
    });
  }

  listBins(query: ListBinsQuery): Promise<BinPage> {
    return this.database.run(async (manager) => {
      const builder = manager.createQueryBuilder(WasteBinRow, 'b');
      if (query.siteId !== undefined) builder.andWhere('b.site_id = :site', { site: query.siteId });
      if (query.status !== undefined) builder.andWhere('b.status = :status', { status: query.status });
      const [rows, total] = await builder
        .orderBy('b.bin_id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
      return { items: rows.map(binSummary), page: query.page, pageSize: query.pageSize, total };
    });
  }
}

function vehicleSummary(row: WasteVehicleRow): VehicleSummary {
  const { vehicleId, companyUscc, rfidTag, capacityKg, status, registeredAt, retiredAt } = row;
  return { vehicleId, companyUscc, rfidTag, capacityKg, status, registeredAt, retiredAt };
}

function binSummary(row: WasteBinRow): BinSummary {
  const { binId, siteId, rfidTag, category, status, registeredAt, retiredAt } = row;
  return { binId, siteId, rfidTag, category, status, registeredAt, retiredAt };
}
