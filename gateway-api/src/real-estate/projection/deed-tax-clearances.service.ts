import { Injectable } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';

import { type Principal } from '../../auth/principal';
import { nextDay, shanghaiDayStart } from '../../common/day-range';
import { Database } from '../../index-db/database/database';
import { type ListClearancesQueryDto } from '../dto/list-queries.dto';
import { type ClearanceResponse, type ClearancesPageResponse } from '../dto/list-responses.dto';
import { TaxClearance } from '../entities';
import { canonicalUnit } from '../registration-request';

/**
 * The TRANSFERs of the clearance's unit that name it (re_acts keeps each act's clearance number). A
 * join at read time rather than a flag the TRANSFER's projector sets: the act and the clearance are
 * events of two definitions, and whichever row is there first, the answer is right once both are.
 */
const NAMING_TRANSFERS =
  "FROM re_acts a WHERE a.type = 'TRANSFER' AND a.deed_tax_clearance_number = c.clearanceNumber " +
  'AND a.unit_number = c.unitNumber';

/** Deed-tax clearances from the index (tax_clearances), each with whether a TRANSFER used it. */
@Injectable()
export class DeedTaxClearancesService {
  constructor(private readonly database: Database) {}

  async list(query: ListClearancesQueryDto, caller: Principal): Promise<ClearancesPageResponse> {
    const { page, pageSize } = query;
    return this.database.run(async (manager) => {
      const filtered = filter(manager.getRepository(TaxClearance).createQueryBuilder('c'), query, caller);
      const total = await filtered.getCount();
      const { entities, raw } = await filtered
        .clone()
        .addSelect(`(SELECT MIN(a.registration_id) ${NAMING_TRANSFERS})`, 'used_by')
        // newest first; unit and number break ties within one transaction time
        .orderBy('c.recordedAt', 'DESC')
        .addOrderBy('c.unitNumber', 'ASC')
        .addOrderBy('c.clearanceNumber', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawAndEntities<{ used_by: string | null }>();
      const items = entities.map((row, index) => toResponse(row, raw[index]?.used_by ?? null));
      return { items, page, pageSize, total };
    });
  }
}

function filter(
  builder: SelectQueryBuilder<TaxClearance>,
  query: ListClearancesQueryDto,
  caller: Principal,
): SelectQueryBuilder<TaxClearance> {
  if (query.unitNumber !== undefined) {
    builder.andWhere('c.unitNumber = :unitNumber', { unitNumber: canonicalUnit(query.unitNumber) });
  }
  if (query.receiptNumber !== undefined) {
    builder.andWhere('c.clearanceNumber = :receiptNumber', { receiptNumber: query.receiptNumber });
  }
  if (query.from !== undefined) {
    builder.andWhere('c.recordedAt >= :start', { start: shanghaiDayStart(query.from) });
  }
  if (query.to !== undefined) {
    builder.andWhere('c.recordedAt < :end', { end: shanghaiDayStart(nextDay(query.to)) });
  }
  if (query.used !== undefined) {
    builder.andWhere(`${query.used ? '' : 'NOT '}EXISTS (SELECT 1 ${NAMING_TRANSFERS})`);
  }
  if (query.mine === true) {
    // the officer's certificate names the enrolled user (submitter-name.ts), within the caller's MSP
    builder
      .andWhere('c.officerMspId = :mspId', { mspId: caller.mspId })
      .andWhere('c.officerName = :name', { name: caller.user });
  }
  return builder;
}

function toResponse(row: TaxClearance, usedBy: string | null): ClearanceResponse {
  return {
    clearanceNumber: row.clearanceNumber,
    unitNumber: row.unitNumber,
    titleVersion: row.titleVersion,
    transfereeCount: row.transfereeCount,
    // whole fen below 2^53: the division gives the yuan amount exactly as it was entered
    taxPaidCny: row.taxPaidFen === null ? null : Number(row.taxPaidFen) / 100,
    recordedAt: row.recordedAt,
    officerMspId: row.officerMspId,
    officerId: row.officerId,
    officerName: row.officerName,
    txId: row.txId,
    blockNumber: Number(row.blockNumber),
    used: usedBy !== null,
    usedByRegistrationId: usedBy,
  };
}
