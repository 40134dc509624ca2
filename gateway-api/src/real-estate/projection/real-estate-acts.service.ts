import { Injectable } from '@nestjs/common';

import { DEFAULT_PAGE_SIZE } from '../../common/paging/page-query';
import { Database } from '../../index-db/database/database';
import { type ActResponse, type ActsPageResponse } from '../dto/responses.dto';
import { type ListActsQueryDto } from '../dto/unit-params.dto';
import { RealEstateAct } from '../entities';
import { canonicalUnit } from '../registration-request';

type ActsQuery = Pick<ListActsQueryDto, 'unitNumber'> & Partial<Pick<ListActsQueryDto, 'page' | 'pageSize'>>;

/** Lists from the off-chain index (the ledger has no "recent acts across units" query). */
@Injectable()
export class RealEstateActsService {
  constructor(private readonly database: Database) {}

  /** Paging may be left out by callers other than the controller (whose DTO fills in the defaults). */
  async list(query: ActsQuery): Promise<ActsPageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const where = query.unitNumber === undefined ? {} : { unitNumber: canonicalUnit(query.unitNumber) };
    const [rows, total] = await this.database.run((manager) =>
      manager.getRepository(RealEstateAct).findAndCount({
        where,
        // newest first; registration id breaks ties within one transaction time deterministically
        order: { blockNumber: 'DESC', registeredAt: 'DESC', registrationId: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return { items: rows.map(toResponse), page, pageSize, total };
  }
}

function toResponse(row: RealEstateAct): ActResponse {
  return {
    registrationId: row.registrationId,
    unitNumber: row.unitNumber,
    sequence: row.sequence,
    type: row.type,
    certificateNumber: row.certificateNumber,
    unitStatus: row.unitStatus,
    txId: row.txId,
    blockNumber: Number(row.blockNumber),
    registeredAt: row.registeredAt,
    clerkMspId: row.clerkMspId,
    clerkId: row.clerkId,
  };
}
