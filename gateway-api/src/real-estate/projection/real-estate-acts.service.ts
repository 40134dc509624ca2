import { Injectable } from '@nestjs/common';
import { type FindOptionsWhere } from 'typeorm';

import { DEFAULT_PAGE_SIZE } from '../../common/paging/page-query';
import { Database } from '../../index-db/database/database';
import { type ActResponse, type ActsPageResponse } from '../dto/responses.dto';
import { type ListActsQueryDto } from '../dto/unit-params.dto';
import { RealEstateAct } from '../entities';
import { canonicalUnit } from '../registration-request';
import { canonicalCertificate, withinDays } from './list-filters';

type ActsFilters = Pick<
  ListActsQueryDto,
  'unitNumber' | 'certificateNumber' | 'type' | 'from' | 'to' | 'clerk'
>;
type ActsQuery = Partial<ActsFilters> & Partial<Pick<ListActsQueryDto, 'page' | 'pageSize'>>;

/** Lists from the off-chain index (the ledger has no "recent acts across units" query). */
@Injectable()
export class RealEstateActsService {
  constructor(private readonly database: Database) {}

  /** Paging may be left out by callers other than the controller (whose DTO fills in the defaults). */
  async list(query: ActsQuery): Promise<ActsPageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.database.run((manager) =>
      manager.getRepository(RealEstateAct).findAndCount({
        where: actsWhere(query),
        // newest first; registration id breaks ties within one transaction time deterministically
        order: { blockNumber: 'DESC', registeredAt: 'DESC', registrationId: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return { items: rows.map(toResponse), page, pageSize, total };
  }
}

/** Every filter given, together; `clerk` is the clerk's certificate common name, matched exactly. */
function actsWhere(query: Partial<ActsFilters>): FindOptionsWhere<RealEstateAct> {
  const registeredAt = withinDays(query.from, query.to);
  return {
    ...(query.unitNumber !== undefined && { unitNumber: canonicalUnit(query.unitNumber) }),
    ...(query.certificateNumber !== undefined && {
      certificateNumber: canonicalCertificate(query.certificateNumber),
    }),
    ...(query.type !== undefined && { type: query.type }),
    ...(query.clerk !== undefined && { clerkName: query.clerk }),
    ...(registeredAt !== undefined && { registeredAt }),
  };
}

function toResponse(row: RealEstateAct): ActResponse {
  return {
    registrationId: row.registrationId,
    unitNumber: row.unitNumber,
    sequence: row.sequence,
    type: row.type,
    certificateNumber: row.certificateNumber,
    deedTaxClearanceNumber: row.deedTaxClearanceNumber,
    clerkName: row.clerkName,
    unitStatus: row.unitStatus,
    txId: row.txId,
    blockNumber: Number(row.blockNumber),
    registeredAt: row.registeredAt,
    clerkMspId: row.clerkMspId,
    clerkId: row.clerkId,
  };
}
