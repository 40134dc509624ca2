import { Inject, Injectable, Optional } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';

import { normaliseEnterpriseName } from '../../../../chaincode/src/contract';
import { Database } from '../../index-db/database/database';
import { type ListCasesQuery, type SearchEnterprisesQuery } from '../dto/list.dto';
import { type CasePage, type EnterprisePage } from '../dto/responses.dto';
import { BusinessCase, BusinessLicense } from '../entities';
import { BUSINESS_CLOCK, type Clock } from '../business.service';

/** LIKE wildcards in user input match themselves. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Lists and search from the off-chain index (may lag the ledger by the index lag). */
@Injectable()
export class BusinessQueryService {
  private readonly now: Clock;

  constructor(
    private readonly database: Database,
    @Optional() @Inject(BUSINESS_CLOCK) clock?: Clock,
  ) {
    this.now = clock ?? ((): Date => new Date());
  }

  async listCases(query: ListCasesQuery): Promise<CasePage> {
    const now = this.now().toISOString();
    // over target: the case's end (completion, or now while open) lies after its target deadline
    const over = 'c.target_deadline IS NOT NULL AND COALESCE(c.completed_at, :now) > c.target_deadline';
    return this.database.run(async (manager) => {
      const builder = manager.createQueryBuilder(BusinessCase, 'c').setParameter('now', now);
      if (query.status !== undefined) builder.andWhere('c.status = :status', { status: query.status });
      if (query.overTarget === true) builder.andWhere(`(${over})`);
      if (query.overTarget === false) builder.andWhere(`NOT (${over})`);
      const [rows, total] = await page(builder.orderBy('c.openedAt', 'ASC').addOrderBy('c.caseId'), query);
      return {
        items: rows.map((row) => ({
          caseId: row.caseId,
          uscc: row.uscc,
          name: row.name,
          entityType: row.entityType,
          status: row.status,
          stepsDone: row.stepsDone,
          openedAt: row.openedAt,
          completedAt: row.completedAt,
          overTarget: row.targetDeadline !== null && (row.completedAt ?? now) > row.targetDeadline,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    });
  }

  async searchEnterprises(query: SearchEnterprisesQuery): Promise<EnterprisePage> {
    return this.database.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(BusinessCase, 'c')
        .leftJoinAndMapOne('c.license', BusinessLicense, 'l', 'l.uscc = c.uscc');
      if (query.uscc !== undefined) builder.andWhere('c.uscc = :uscc', { uscc: query.uscc.toUpperCase() });
      if (query.namePrefix !== undefined) {
        const prefix = escapeLike(normaliseEnterpriseName(query.namePrefix));
        builder.andWhere("c.normalised_name LIKE :prefix ESCAPE '\\'", { prefix: `${prefix}%` });
      }
      const [rows, total] = await page(
        builder.orderBy('c.normalisedName', 'ASC').addOrderBy('c.uscc'),
        query,
      );
      return {
        items: rows.map((row) => {
          const license = (row as BusinessCase & { license?: BusinessLicense | null }).license;
          return {
            uscc: row.uscc,
            name: row.name,
            caseId: row.caseId,
            entityType: row.entityType,
            caseStatus: row.status,
            licenseStatus: license?.status ?? null,
          };
        }),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    });
  }
}

function page<T extends object>(
  builder: SelectQueryBuilder<T>,
  query: { page: number; pageSize: number },
): Promise<[T[], number]> {
  return builder
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
}
