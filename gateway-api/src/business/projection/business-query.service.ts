import { Inject, Injectable, Optional } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';

import { normaliseEnterpriseName } from '../../../../chaincode/src/contract';
import { nextDay, shanghaiDayStart } from '../../common/day-range';
import { Database } from '../../index-db/database/database';
import { type ListCasesQuery, type ListLicensesQuery, type SearchEnterprisesQuery } from '../dto/list.dto';
import { type CasePage, type EnterprisePage, type LicensePage } from '../dto/responses.dto';
import { BusinessCase, BusinessCaseStep, BusinessLicense } from '../entities';
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

  /**
   * Cases by status, target, pending step and opening day. `overTarget` judges the case's end
   * (completion, or now while open) against its deadline, so a case completed late stays over target;
   * `overdue` is the clerk's work list: still OPEN and already past the deadline now.
   */
  async listCases(query: ListCasesQuery): Promise<CasePage> {
    const now = this.now().toISOString();
    const over = 'c.target_deadline IS NOT NULL AND COALESCE(c.completed_at, :now) > c.target_deadline';
    const overdue = "c.status = 'OPEN' AND c.target_deadline IS NOT NULL AND :now > c.target_deadline";
    return this.database.run(async (manager) => {
      const builder = manager.createQueryBuilder(BusinessCase, 'c').setParameter('now', now);
      if (query.status !== undefined) builder.andWhere('c.status = :status', { status: query.status });
      if (query.overTarget === true) builder.andWhere(`(${over})`);
      if (query.overTarget === false) builder.andWhere(`NOT (${over})`);
      if (query.overdue === true) builder.andWhere(`(${overdue})`);
      if (query.overdue === false) builder.andWhere(`NOT (${overdue})`);
      if (query.step !== undefined) {
        // the step's row appears when it completes: pending = no row (primary key (case_id, step))
        const done = builder
          .subQuery()
          .select('1')
          .from(BusinessCaseStep, 'st')
          .where('st.case_id = c.case_id AND st.step = :step')
          .getQuery();
        builder.andWhere(`NOT EXISTS ${done}`, { step: query.step });
      }
      if (query.from !== undefined) {
        builder.andWhere('c.opened_at >= :openedFrom', { openedFrom: shanghaiDayStart(query.from) });
      }
      if (query.to !== undefined) {
        builder.andWhere('c.opened_at < :openedBefore', {
          openedBefore: shanghaiDayStart(nextDay(query.to)),
        });
      }
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
          overdue: row.status === 'OPEN' && row.targetDeadline !== null && now > row.targetDeadline,
          targetDeadline: row.targetDeadline,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    });
  }

  /** Licences with their enterprise's name (the licence row has none: it is on the opening case). */
  async listLicenses(query: ListLicensesQuery): Promise<LicensePage> {
    return this.database.run(async (manager) => {
      const builder = manager
        .createQueryBuilder(BusinessLicense, 'l')
        .innerJoinAndMapOne('l.enterprise', BusinessCase, 'c', 'c.case_id = l.case_id');
      if (query.uscc !== undefined) builder.andWhere('l.uscc = :uscc', { uscc: query.uscc.toUpperCase() });
      if (query.status !== undefined) builder.andWhere('l.status = :status', { status: query.status });
      if (query.name !== undefined) {
        const prefix = escapeLike(normaliseEnterpriseName(query.name));
        builder.andWhere("c.normalised_name LIKE :prefix ESCAPE '\\'", { prefix: `${prefix}%` });
      }
      const [rows, total] = await page(builder.orderBy('l.uscc', 'ASC'), query);
      return {
        items: rows.map((row) => {
          const enterprise = (row as BusinessLicense & { enterprise: BusinessCase }).enterprise;
          return {
            uscc: row.uscc,
            name: enterprise.name,
            caseId: row.caseId,
            status: row.status,
            establishedAt: row.establishedAt,
            statusChangedAt: row.statusChangedAt,
            statusReason: row.statusReason,
          };
        }),
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
